namespace MlConnector.Simulators.Procurify.Model;

/// <summary>The integer enums of the real API.</summary>
public static class ProcurifyCodes
{
    /// <summary>Purchase order <c>state</c> (the SDK's <c>PurchaseOrderStateEnum</c>: 0, 1, 3, 4, 5; 2 is retired).</summary>
    public static class PurchaseOrderState
    {
        public const int Purchased = 0;
        public const int Cancelled = 1;
        public const int Closed = 3;
        public const int Paid = 4;
        public const int Reopened = 5;
    }

    /// <summary>Order item <c>status</c>.</summary>
    public static class OrderItemStatus
    {
        public const int PurchasePending = 0;
        public const int PurchaseInUse = 1;
        public const int ReceivePending = 2;
        public const int Received = 3;
        public const int RejectedForPurchase = 4;
        public const int ReceivePartial = 5;
        public const int Fulfilled = 6;
        public const int ApprovalDenied = 7;
        public const int RequestDraft = 8;
    }

    /// <summary>Requisition <c>status</c>.</summary>
    public static class RequisitionStatus
    {
        public const int Pending = 0;
        public const int Approved = 1;
        public const int Rejected = 2;
        public const int Purchased = 3;
        public const int Cancelled = 4;
        public const int Received = 5;
        public const int Draft = 6;
    }

    /// <summary>
    /// Vendor <c>type</c>: the SDK's <c>VendorTypeEnum</c> allows 2, 3, 4, 6 and 7 (its README's prose also names
    /// 1 OTHER and 5 EMPLOYEE, which the enum rejects, and leaves 7 unnamed).
    /// Source: konfig-sdks/procurify-python-sdk, procurify_python_sdk/pydantic/vendor_type_enum.py.
    /// </summary>
    public static class VendorType
    {
        public const int Hidden = 2;
        public const int Preferred = 3;
        public const int Regular = 4;
        public const int CreditCardProvider = 6;
        public const int Seven = 7;

        public static readonly IReadOnlyList<int> All = [Hidden, Preferred, Regular, CreditCardProvider, Seven];
    }

    /// <summary>Account code <c>account_type</c> (0 ASSETS ... 2 EXPENSE ... 5 OTHER).</summary>
    public const int AccountTypeExpense = 2;
}
