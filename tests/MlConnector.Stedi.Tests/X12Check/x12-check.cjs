// Reads one X12 interchange on stdin and parses it with node-x12 in strict mode, which throws when the ISA is not 106
// characters or when SE01, GE01 or IEA01 disagree with the segments, sets or groups counted (and on mismatched control
// numbers). Prints {"ok":true,"interchange":{...}} with every segment's elements, or {"ok":false,"error":"..."}.
const { X12Parser } = require('node-x12');
let input = '';
process.stdin.setEncoding('utf8');
process.stdin.on('data', chunk => { input += chunk; });
process.stdin.on('end', () => {
  const values = segment => segment.elements.map(element => element.value);
  try {
    const interchange = new X12Parser(true).parse(input);
    const result = {
      isa: values(interchange.header),
      iea: values(interchange.trailer),
      groups: interchange.functionalGroups.map(group => ({
        gs: values(group.header),
        ge: values(group.trailer),
        transactions: group.transactions.map(transaction => ({
          st: values(transaction.header),
          se: values(transaction.trailer),
          segments: transaction.segments.map(segment => [segment.tag, ...values(segment)]),
        })),
      })),
    };
    process.stdout.write(JSON.stringify({ ok: true, interchange: result }));
  } catch (error) {
    process.stdout.write(JSON.stringify({ ok: false, error: String(error && error.message ? error.message : error) }));
  }
});
