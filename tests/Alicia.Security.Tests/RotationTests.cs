using Alicia.Testing;

namespace Alicia.Security.Tests;

/// <summary>deploy/secrets.sh --rotate against a running broker: one user's password changes, nobody else notices.</summary>
public sealed class RotationTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Rotating_tts_replaces_only_its_password_and_after_sighup_only_the_new_one_works()
    {
        await using var broker = await MosquittoBroker.StartAsync();
        var passwordsBefore = BrokerUsers.All.ToDictionary(u => u, broker.Password);
        var passwdBefore = PasswdLines(broker);
        using var oldTts = await TestMqtt.ConnectAsync(broker, "tts");
        using var stt = await TestMqtt.ConnectAsync(broker, "stt");
        var ttsDropped = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        oldTts.DisconnectedAsync += _ =>
        {
            ttsDropped.TrySetResult();
            return Task.CompletedTask;
        };

        await Shell.RunCheckedAsync("bash", [Repository.File("deploy", "secrets.sh"), "--rotate", "tts", broker.SecretsDirectory]);
        var passwordsAfter = BrokerUsers.All.ToDictionary(u => u, broker.Password);
        var passwdAfter = PasswdLines(broker);

        Assert.Equal(["tts"], BrokerUsers.All.Where(u => passwordsBefore[u] != passwordsAfter[u]));
        Assert.Equal(["tts"], BrokerUsers.All.Where(u => passwdBefore[u] != passwdAfter[u]));
        var oldPassword = passwordsBefore["tts"];
        var stillOldBeforeReload = await TryAsync(broker, "tts", oldPassword);

        await broker.ReloadAsync();

        await ttsDropped.Task.WaitAsync(Wait); // mosquitto 2 re-checks connected clients on reload
        Assert.True(stillOldBeforeReload.Connected, "the broker only reads the password file on SIGHUP");
        await stt.PingAsync(); // throws if stt's connection did not survive the reload
        Assert.True(stt.IsConnected);
        var withOld = await TryAsync(broker, "tts", oldPassword);
        var withNew = await TryAsync(broker, "tts", passwordsAfter["tts"]);
        Assert.False(withOld.Connected, withOld.Outcome);
        Assert.True(withNew.Connected, withNew.Outcome);
        foreach (var user in BrokerUsers.All.Where(u => u != "tts"))
        {
            var attempt = await TryAsync(broker, user, passwordsAfter[user]);
            Assert.True(attempt.Connected, $"{user}: {attempt.Outcome}");
        }
    }

    private static Task<ConnectAttempt> TryAsync(MosquittoBroker broker, string user, string password) =>
        TestMqtt.TryConnectAsync(TestMqtt.Options(broker, user, MqttTransport.Tcp, password).Build());

    private static Dictionary<string, string> PasswdLines(MosquittoBroker broker) =>
        File.ReadAllLines(Path.Combine(broker.SecretsDirectory, "passwd")).ToDictionary(line => line.Split(':')[0], StringComparer.Ordinal);
}
