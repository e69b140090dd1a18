namespace OrleansLoyalty.Domain;

public enum CouponStatus
{
    Active = 0,
    Used = 1,
    Expired = 2,
}
