using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace MentorBot.Bot.Channels.Twilio;

/// <summary>"twilio": which account is in use (or the simulator), and unhealthy when a real account lacks what it needs.</summary>
sealed class TwilioHealthCheck(TwilioAccount account, SmsChannel sms) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (sms.Mode == SmsChannelMode.Off)
        {
            return Task.FromResult(HealthCheckResult.Healthy("SMS not configured: no Twilio__AccountSid and no simulator (TwilioSimulator__Enabled) in Production; web chat only"));
        }

        if (account.IsSimulator)
        {
            return Task.FromResult(HealthCheckResult.Healthy($"simulator (no Twilio__AccountSid), account {account.AccountSid}: test phone at /simulator/phone"));
        }

        var options = account.Options;
        var missing = new List<string>();
        if (!account.AccountSid.StartsWith("AC", StringComparison.Ordinal))
        {
            missing.Add("Twilio__AccountSid must start with AC");
        }

        if (string.IsNullOrWhiteSpace(options.AuthToken))
        {
            missing.Add("Twilio__AuthToken (it signs the webhooks, even when sending with an API key)");
        }

        if (string.IsNullOrWhiteSpace(options.ApiKeySid) != string.IsNullOrWhiteSpace(options.ApiKeySecret))
        {
            missing.Add("both Twilio__ApiKeySid and Twilio__ApiKeySecret, or neither");
        }

        if (string.IsNullOrWhiteSpace(account.FromNumber) && string.IsNullOrWhiteSpace(account.MessagingServiceSid))
        {
            missing.Add("Twilio__FromNumber or Twilio__MessagingServiceSid");
        }

        var sid = account.AccountSid.Length > 6 ? account.AccountSid[..6] + "…" : account.AccountSid;
        return Task.FromResult(missing.Count > 0
            ? HealthCheckResult.Unhealthy($"Twilio account {sid} is missing: {string.Join("; ", missing)}")
            : HealthCheckResult.Healthy($"Twilio account {sid}" + (account.StatusCallbackUrl is null ? " (no Twilio__PublicBaseUrl: no status callbacks)" : "")));
    }
}
