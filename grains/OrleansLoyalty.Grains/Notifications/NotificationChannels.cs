namespace OrleansLoyalty.Grains.Notifications;

/// <summary>The ways a message travels; each has one <see cref="INotificationSender"/>.</summary>
public static class NotificationChannels
{
    public const string Sms = "sms";
}

/// <summary>What a message says; a sender renders the template with the message's values.</summary>
public static class NotificationTemplates
{
    /// <summary>A member's one-time sign-in code. Values: <see cref="SignIn.SignInCodeValues"/>.</summary>
    public const string SignInCode = "signin.code";
}
