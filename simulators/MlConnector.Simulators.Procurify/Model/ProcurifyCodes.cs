namespace MlConnector.Simulators.Procurify.Model;

/// <summary>The integer enums of the real API.</summary>
public static class ProcurifyCodes
{
    /// <summary>Purchase order <c>state</c>.</summary>
    public static class PurchaseOrderState
    {
        public const int Purchased = 0;
        public const int Cancelled = 1;
        public const int Legacy = 2;
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

    /// <summary>Vendor <c>type</c>.</summary>
    public static class VendorType
    {
        public const int Other = 1;
        public const int Hidden = 2;
        public const int Preferred = 3;
        public const int Regular = 4;
        public const int Employee = 5;
        public const int CreditCardProvider = 6;
    }

    /// <summary>Account code <c>account_type</c> (0 ASSETS ... 2 EXPENSE ... 5 OTHER).</summary>
    public const int AccountTypeExpense = 2;
}
