using Microsoft.Extensions.Options;

namespace MlConnector.Connectors.SageX3;

/// <summary>Refuses to start with settings that cannot work, naming the setting to fix.</summary>
public sealed class SageX3OptionsValidator : IValidateOptions<SageX3Options>
{
    public ValidateOptionsResult Validate(string? name, SageX3Options options)
    {
        var errors = new List<string>();
        if (options.Mode is SageX3Mode.Rest or SageX3Mode.GraphQl)
        {
            if (!Uri.TryCreate(options.ServerUrl, UriKind.Absolute, out var server) || server.Scheme is not ("http" or "https"))
            {
                errors.Add($"SageX3__ServerUrl must be an absolute http(s) URL (found '{options.ServerUrl}').");
            }

            if (string.IsNullOrWhiteSpace(options.User))
            {
                errors.Add("SageX3__User is required in Rest and GraphQl modes.");
            }
        }

        if (options.Mode is SageX3Mode.GraphQl or SageX3Mode.Cloud && string.IsNullOrWhiteSpace(options.ClientId))
        {
            errors.Add("SageX3__ClientId is required in GraphQl and Cloud modes.");
        }

        if (options.Mode == SageX3Mode.Cloud && !Uri.TryCreate(options.CloudGatewayUrl, UriKind.Absolute, out _))
        {
            errors.Add($"SageX3__CloudGatewayUrl must be the gateway's absolute URL, e.g. https://api.eu-sagex3.com/v1 (found '{options.CloudGatewayUrl}').");
        }

        if (options.Port is < 0 or > 65535)
        {
            errors.Add("SageX3__Port must be between 0 and 65535.");
        }

        if (string.IsNullOrWhiteSpace(options.Endpoint) || options.Endpoint.Any(c => !char.IsLetterOrDigit(c) && c != '_'))
        {
            errors.Add($"SageX3__Endpoint must be an X3 endpoint (folder) name such as SEED (found '{options.Endpoint}').");
        }

        if (options.TokenValidity < TimeSpan.FromMinutes(1) || options.TokenValidity > TimeSpan.FromHours(1))
        {
            errors.Add("SageX3__TokenValidity must be between 00:01:00 and 01:00:00 (and at most the connected application's validity).");
        }

        if (options.PageSize is < 1 or > 1000)
        {
            errors.Add("SageX3__PageSize must be between 1 and 1000.");
        }

        if (options.ReferenceDataCacheLifetime < TimeSpan.Zero)
        {
            errors.Add("SageX3__ReferenceDataCacheLifetime must not be negative.");
        }

        foreach (var (setting, value) in new[]
        {
            ("PurchaseOrderRepresentation", options.PurchaseOrderRepresentation), ("SupplierRepresentation", options.SupplierRepresentation),
            ("SupplierInvoiceRepresentation", options.SupplierInvoiceRepresentation), ("GlAccountRepresentation", options.GlAccountRepresentation),
            ("DimensionRepresentation", options.DimensionRepresentation), ("ProductRepresentation", options.ProductRepresentation),
            ("ReceiptRepresentation", options.ReceiptRepresentation), ("DeliveryRepresentation", options.DeliveryRepresentation),
            ("SalesOrderRepresentation", options.SalesOrderRepresentation), ("CustomerRepresentation", options.CustomerRepresentation),
            ("ExternalReferenceField", options.ExternalReferenceField),
            ("PurchaseOrderWriteRepresentation", options.PurchaseOrderWriteRepresentation), ("SupplierWriteRepresentation", options.SupplierWriteRepresentation),
            ("SupplierInvoiceWriteRepresentation", options.SupplierInvoiceWriteRepresentation), ("ReceiptWriteRepresentation", options.ReceiptWriteRepresentation),
            ("SalesOrderWriteRepresentation", options.SalesOrderWriteRepresentation), ("ReceiptStockStatus", options.ReceiptStockStatus),
        })
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                errors.Add($"SageX3__{setting} must not be empty.");
            }
        }

        if (options.GraphQlRootPrefix is not ("x3" or "xtremX3"))
        {
            errors.Add($"SageX3__GraphQlRootPrefix must be x3 (X3 2024 R1 and later) or xtremX3 (before 2024 R1) (found '{options.GraphQlRootPrefix}').");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
