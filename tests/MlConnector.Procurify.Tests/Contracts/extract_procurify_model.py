#!/usr/bin/env python3
"""Extracts the facts the Procurify contract tests need from Procurify's generated Python SDK.

Usage: extract_procurify_model.py <clone of konfig-sdks/procurify-python-sdk> > procurify-model.json

Reads, without importing anything from the SDK:
  procurify_python_sdk/paths/__init__.py          path strings
  procurify_python_sdk/paths/<path>/<method>.py   query and path parameters, the 200 response model
  procurify_python_sdk/pydantic/*.py              models: field names (aliases), types, required, nullable, enums
and writes only the paths listed in PATHS below and the models their responses reach.

Nullability: the generator wraps an optional field in one typing.Optional and a nullable one in a second; a
required field is nullable when its type is Optional; NullEnum unions and *Nullable model names are nullable.
"""
import json
import re
import subprocess
import sys

PATHS = [
    ("get", "api_v2_purchase_orders_role_status"),
    ("get", "api_v2_purchase_orders_id"),
    ("get", "api_v3_order_items"),
    ("get", "api_v2_global_orders"),
    ("get", "api_v3_vendors"),
    ("get", "api_v3_vendors_id"),
    ("get", "api_v3_accounts"),
    ("get", "api_v3_account_codes"),
    ("get", "api_v3_departments"),
    ("put", "api_v3_purchase_orders_procurify_po"),
    ("post", "api_v3_purchase_orders_procurify_po_close"),
    ("post", "api_v3_purchase_orders_procurify_po_reopen"),
]

PRIMITIVES = {
    "str": {"type": "string"},
    "int": {"type": "integer"},
    "float": {"type": "number"},
    "bool": {"type": "boolean"},
    "datetime": {"type": "string", "format": "date-time"},
    "date": {"type": "string", "format": "date"},
    "dict": {"type": "object"},
    "object": {"type": "any"},
}

SCHEMA_TYPES = {
    "IntSchema": "integer", "Int32Schema": "integer", "Int64Schema": "integer", "NumberSchema": "number",
    "StrSchema": "string", "BoolSchema": "boolean", "DateSchema": "string", "DateTimeSchema": "string",
    "UUIDSchema": "string",
}


class Sdk:
    def __init__(self, root):
        self.root = root
        files = subprocess.run(["git", "-C", root, "ls-tree", "-r", "--name-only", "HEAD"], capture_output=True, text=True, check=True).stdout
        self.files = set(files.split())
        self.commit = subprocess.run(["git", "-C", root, "rev-parse", "HEAD"], capture_output=True, text=True, check=True).stdout.strip()

    def read(self, path):
        return subprocess.run(["git", "-C", self.root, "show", "HEAD:" + path], capture_output=True, text=True, check=True).stdout


def tokens(text):
    return re.findall(r"[A-Za-z_][A-Za-z0-9_.]*|\[|\]|,|\"[^\"]*\"|'[^']*'|-?\d+", text)


def parse_expr(items, position=0):
    """typing expressions as (name, [arguments]) trees."""
    name = items[position]
    position += 1
    arguments = []
    if position < len(items) and items[position] == "[":
        position += 1
        while items[position] != "]":
            argument, position = parse_expr(items, position)
            arguments.append(argument)
            if items[position] == ",":
                position += 1
        position += 1
    return (name, arguments), position


class Models:
    def __init__(self, sdk):
        self.sdk = sdk
        self.classes = {}
        self.aliases = {}
        for path in sdk.files:
            if path.startswith("procurify_python_sdk/pydantic/") and path.endswith(".py"):
                self._load(sdk.read(path))

    def _load(self, text):
        body = text.split("from pydantic import", 1)[-1]
        for match in re.finditer(r"^([A-Z][A-Za-z0-9]*) = (.+)$", body, re.M):
            self.aliases[match.group(1)] = match.group(2).strip()
        for match in re.finditer(r"^class ([A-Za-z0-9]+)\(BaseModel\):\n(.*?)(?=^\s+model_config)", body, re.M | re.S):
            fields = {}
            for field in re.finditer(r"^    \w+: (.+?) = Field\((None, )?alias='([^']+)'\)$", match.group(2), re.M):
                fields[field.group(3)] = (field.group(1), field.group(2) is None)
            self.classes[match.group(1)] = fields

    def describe(self, expression, reached):
        (name, arguments), _ = parse_expr(tokens(expression))
        return self._node(name, arguments, reached)

    def _node(self, name, arguments, reached):
        short = name.split(".")[-1]
        if short == "Optional":
            inner = self._node(*arguments[0], reached)
            return dict(inner, nullable=True)
        if short == "List":
            return {"type": "array", "items": self._node(*arguments[0], reached)}
        if short == "Union":
            kinds = [self._node(*argument, reached) for argument in arguments]
            nullable = any(kind.get("type") == "null" for kind in kinds)
            kinds = [kind for kind in kinds if kind.get("type") != "null"]
            if len(kinds) == 1:
                result = dict(kinds[0])
            elif all(kind.get("type") in ("integer", "number") and "enum" not in kind for kind in kinds):
                result = {"type": "number"}
            else:
                result = {"anyOf": kinds}
            return dict(result, nullable=True) if nullable else result
        if short == "Literal":
            values = [json.loads(value.replace("'", '"')) for value, _ in arguments]
            return {"type": "integer" if all(isinstance(v, int) for v in values) else "string", "enum": values}
        if short in PRIMITIVES:
            return dict(PRIMITIVES[short])
        if short == "NullEnum":
            return {"type": "null"}
        if short in self.aliases:
            result = self.describe(self.aliases[short], reached)
            return dict(result, nullable=True) if short.endswith("Nullable") else result
        if short in self.classes:
            reached.add(short)
            result = {"type": "object", "ref": short}
            return dict(result, nullable=True) if short.endswith("Nullable") else result
        raise SystemExit(f"unknown type {name}")

    def model(self, name, reached):
        fields = {}
        for alias, (annotation, required) in self.classes[name].items():
            node = self.describe(annotation, reached)
            if not required:
                # The optional wrapper is not nullability: strip one level the generator added.
                node = self.describe(annotation[len("typing.Optional["):-1], reached) if annotation.startswith("typing.Optional[") else node
            node["required"] = required
            node.setdefault("nullable", False)
            fields[alias] = node
        return fields


def parameters(text, kind):
    schemas = {}
    for match in re.finditer(r"^(\w+Schema) = schemas\.(\w+)$", text, re.M):
        schemas[match.group(1)] = {"type": SCHEMA_TYPES.get(match.group(2), "string")}
        if match.group(2) in ("DateSchema", "DateTimeSchema"):
            schemas[match.group(1)]["format"] = "date" if match.group(2) == "DateSchema" else "date-time"
    for match in re.finditer(r"^class (\w+Schema)\(\n\s+schemas\.EnumBase,\n\s+schemas\.(\w+)\n\):.*?enum_value_to_name = \{(.*?)\}", text, re.M | re.S):
        values = [json.loads(value) for value in re.findall(r"^\s+(\"[^\"]*\"|-?\d+):", match.group(3), re.M)]
        schemas[match.group(1)] = {"type": SCHEMA_TYPES.get(match.group(2), "string"), "enum": values}
    result = {}
    for match in re.finditer(r"request_%s_\w+ = api_client\.%sParameter\(\s+name=\"([^\"]+)\",.*?schema=(\w+)," % (kind, kind.capitalize()), text, re.S):
        result[match.group(1)] = schemas.get(match.group(2), {"type": "string"})
    return result


def main():
    sdk = Sdk(sys.argv[1])
    models = Models(sdk)
    values = dict(re.findall(r"^\s+(\w+) = \"([^\"]+)\"$", sdk.read("procurify_python_sdk/paths/__init__.py"), re.M))
    paths = {}
    reached = set()
    for method, folder in PATHS:
        init = sdk.read(f"procurify_python_sdk/paths/{folder}/__init__.py")
        path = values[re.search(r"PathValues\.(\w+)", init).group(1)]
        text = sdk.read(f"procurify_python_sdk/paths/{folder}/{method}.py")
        response = re.search(r"^SchemaFor200ResponseBodyApplicationJson = (\w+)Schema$", text, re.M)
        entry = {"query": parameters(text, "query"), "path": parameters(text, "path")}
        if response:
            entry["response"] = response.group(1)
            models.describe(response.group(1), reached)
        paths[f"{method.upper()} {path}"] = entry

    output = {}
    pending = sorted(reached)
    while pending:
        name = pending.pop()
        if name in output:
            continue
        found = set()
        output[name] = models.model(name, found)
        pending.extend(sorted(found - set(output)))

    source = {
        "repository": "konfig-sdks/procurify-python-sdk",
        "commit": sdk.commit,
        "files": ["procurify_python_sdk/paths/__init__.py", "procurify_python_sdk/paths/*/{get,put,post}.py", "procurify_python_sdk/pydantic/*.py"],
        "extractor": "tests/MlConnector.Procurify.Tests/Contracts/extract_procurify_model.py",
    }
    print(write(source, paths, dict(sorted(output.items()))))


def write(source, paths, models):
    """One line per parameter and per field, so a change to the model reads as a small diff."""
    compact = lambda value: json.dumps(value, separators=(", ", ": "))
    lines = ["{", ' "source": ' + compact(source) + ",", ' "paths": {']
    for index, (name, entry) in enumerate(paths.items()):
        lines.append(f'  {compact(name)}: {{')
        parts = []
        for key in ("query", "path"):
            inner = [f"    {compact(k)}: {compact(v)}" for k, v in entry[key].items()]
            parts.append(f'   "{key}": {{\n' + ",\n".join(inner) + "\n   }" if inner else f'   "{key}": {{}}')
        if "response" in entry:
            parts.append(f'   "response": {compact(entry["response"])}')
        lines.append(",\n".join(parts))
        lines.append("  }" + ("," if index < len(paths) - 1 else ""))
    lines.append(" },")
    lines.append(' "models": {')
    for index, (name, fields) in enumerate(models.items()):
        lines.append(f"  {compact(name)}: {{")
        lines.append(",\n".join(f"   {compact(k)}: {compact(v)}" for k, v in fields.items()))
        lines.append("  }" + ("," if index < len(models) - 1 else ""))
    lines.append(" }")
    lines.append("}")
    return "\n".join(lines)


if __name__ == "__main__":
    main()
