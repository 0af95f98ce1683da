// Against a real Secret Service: ctest runs this inside its own D-Bus session with an
// unlocked throwaway gnome-keyring (tests/with-keyring.sh).
//
// Secret values are compared with QVERIFY(a == b), never QCOMPARE, so that a failure
// cannot print them; the test values are not secret-looking anyway.
#include "secretwait.h"
#include "store/keychainsecretstore.h"
#include "store/secretkeys.h"

#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QProcess>
#include <QTest>
#include <csignal>
#include <sys/types.h>

using namespace agentfolio;
using agentfolio::test::kindName;
using agentfolio::test::waitForResult;

class tst_KeychainSecretStore : public QObject
{
    Q_OBJECT

private:
    // What `secret-tool search --all server agentfolio` lists: labels on stdout, attributes
    // on stderr. Lines starting with "secret = " are dropped at once: the values must not
    // reach the test output.
    static QStringList secretToolLines(QString *error)
    {
        QProcess tool;
        tool.start(QStringLiteral("secret-tool"),
                   { QStringLiteral("search"), QStringLiteral("--all"), QStringLiteral("server"),
                     KeychainSecretStore::serviceName() });
        if (!tool.waitForFinished(20'000)) {
            *error = QStringLiteral("secret-tool did not finish: ") + tool.errorString();
            return {};
        }
        QStringList lines;
        const QByteArray output = tool.readAllStandardOutput() + '\n' + tool.readAllStandardError();
        for (const QByteArray &line : output.split('\n')) {
            if (!line.startsWith("secret = "))
                lines.append(QString::fromUtf8(line));
        }
        return lines;
    }

    static QStringList withPrefix(const QStringList &lines, const QString &prefix)
    {
        QStringList found;
        for (const QString &line : lines) {
            if (line.startsWith(prefix))
                found.append(line.mid(prefix.size()));
        }
        return found;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(QDBusConnection::sessionBus().interface()->isServiceRegistered(
                     QStringLiteral("org.freedesktop.secrets")),
                 "no Secret Service on the test's session bus");
    }

    void writeReadOverwriteDelete()
    {
        KeychainSecretStore store;
        const QString key = SecretKeys::tokenKey(QStringLiteral("test"), QStringLiteral("t-rw"));

        auto result = waitForResult(store.write(key, Secret(QStringLiteral("first value"))));
        QCOMPARE(kindName(result), QStringLiteral("ok"));
        result = waitForResult(store.read(key));
        QCOMPARE(kindName(result), QStringLiteral("ok"));
        QVERIFY(result->secret == Secret(QStringLiteral("first value")));

        result = waitForResult(store.write(key, Secret(QStringLiteral("second value"))));
        QCOMPARE(kindName(result), QStringLiteral("ok"));
        result = waitForResult(store.read(key));
        QCOMPARE(kindName(result), QStringLiteral("ok"));
        QVERIFY(result->secret == Secret(QStringLiteral("second value")));

        result = waitForResult(store.remove(key));
        QCOMPARE(kindName(result), QStringLiteral("ok"));
        result = waitForResult(store.read(key));
        QCOMPARE(kindName(result), QStringLiteral("NotFound"));
        QVERIFY(result->error->message.contains(key));
    }

    void readMissingIsNotFound()
    {
        KeychainSecretStore store;
        const QString key = SecretKeys::apiKeyKey(QStringLiteral("never-written"));
        const auto result = waitForResult(store.read(key));
        QCOMPARE(kindName(result), QStringLiteral("NotFound"));
        QVERIFY(result->secret.isEmpty());
    }

    void deleteAbsentSucceeds()
    {
        KeychainSecretStore store;
        const auto result =
            waitForResult(store.remove(SecretKeys::userKeyKey(QStringLiteral("never-written"))));
        QCOMPARE(kindName(result), QStringLiteral("ok"));
    }

    void values_data()
    {
        QTest::addColumn<QString>("value");
        QTest::newRow("ascii") << QStringLiteral("plain-test-value-123");
        QTest::newRow("4 KiB") << QString(4096, QLatin1Char('x'));
        QString mixed4k;
        while (mixed4k.size() < 4096)
            mixed4k += QStringLiteral("abcXYZ0189-_.");
        mixed4k.truncate(4096);
        QTest::newRow("4 KiB mixed") << mixed4k;
        QTest::newRow("unicode") << QStringLiteral("clé-ünïcødé-日本語-Ελληνικά-🔑-עברית");
        QTest::newRow("spaces and newline") << QStringLiteral("  leading and trailing \n line2  ");
        QTest::newRow("json-like") << QStringLiteral("{\"a\":1,\"b\":[\"\\u0000\"]}");
    }

    void values()
    {
        QFETCH(QString, value);
        // Nothing logged (debug included) ever contains the value.
        agentfolio::test::LogWatcher leaks(value);
        KeychainSecretStore store;
        const QString key = SecretKeys::tokenKey(QStringLiteral("values"),
                                                 QString::fromLatin1(QTest::currentDataTag()));
        QCOMPARE(kindName(waitForResult(store.write(key, Secret(value)))), QStringLiteral("ok"));
        const auto result = waitForResult(store.read(key));
        QCOMPARE(kindName(result), QStringLiteral("ok"));
        QCOMPARE(result->secret.size(), value.size());
        QVERIFY(result->secret == Secret(value));
        QCOMPARE(kindName(waitForResult(store.remove(key))), QStringLiteral("ok"));
        QCOMPARE(leaks.count(), 0);
    }

    // A person browsing the keyring finds our entries by service and readable key.
    void secretToolSeesEntries()
    {
        KeychainSecretStore store;
        const QStringList keys {
            SecretKeys::apiKeyKey(QStringLiteral("browse")),
            SecretKeys::userKeyKey(QStringLiteral("browse")),
            SecretKeys::tokenKey(QStringLiteral("browse"),
                                 QStringLiteral("f9e8d7c6-b5a4-3210-fedc-ba9876543210")),
        };
        for (const QString &key : keys)
            QCOMPARE(
                kindName(waitForResult(store.write(key, Secret(QStringLiteral("browse-value"))))),
                QStringLiteral("ok"));

        QString error;
        const QStringList lines = secretToolLines(&error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        const QStringList listed = withPrefix(lines, QStringLiteral("attribute.user = "));
        for (const QString &key : keys)
            QVERIFY2(listed.contains(key), qPrintable(key + QStringLiteral(" not listed")));
        // Labelled with the service name; the value is in no label and no attribute.
        const QStringList labels = withPrefix(lines, QStringLiteral("label = "));
        QCOMPARE(labels.size(), listed.size());
        for (const QString &label : labels)
            QCOMPARE(label, KeychainSecretStore::serviceName());
        QVERIFY(!lines.join(QLatin1Char('\n')).contains(QStringLiteral("browse-value")));

        for (const QString &key : keys)
            QCOMPARE(kindName(waitForResult(store.remove(key))), QStringLiteral("ok"));
        const QStringList after =
            withPrefix(secretToolLines(&error), QStringLiteral("attribute.user = "));
        for (const QString &key : keys)
            QVERIFY2(!after.contains(key), qPrintable(key + QStringLiteral(" still listed")));
    }

    // The keyring daemon stops answering (SIGSTOP): the call times out instead of hanging,
    // and once the daemon answers again the store works, while the stuck call's late
    // answer lands on the parked QtKeychain job without harm.
    void stalledDaemonTimesOutAndRecovers()
    {
        const auto pidReply = QDBusConnection::sessionBus().interface()->servicePid(
            QStringLiteral("org.freedesktop.secrets"));
        QVERIFY2(pidReply.isValid(), qPrintable(pidReply.error().message()));
        const pid_t daemon = pid_t(pidReply.value());
        QVERIFY(daemon > 1);

        agentfolio::test::LogWatcher late(
            QStringLiteral("late answer for the parked keychain job"));
        KeychainSecretStore store;
        const QString stuckKey = SecretKeys::tokenKey(QStringLiteral("stall"), QStringLiteral("a"));
        const QString nextKey = SecretKeys::tokenKey(QStringLiteral("stall"), QStringLiteral("b"));
        // Warm up the connection so the stall hits the write itself.
        QCOMPARE(kindName(waitForResult(store.read(stuckKey))), QStringLiteral("NotFound"));

        QCOMPARE(::kill(daemon, SIGSTOP), 0);
        // Whatever happens below, the daemon must run again.
        struct Resume
        {
            pid_t pid;
            ~Resume() { ::kill(pid, SIGCONT); }
        } resume { daemon };

        store.setTimeout(std::chrono::milliseconds(500));
        QCOMPARE(late.count(), 0);
        const auto stuck = waitForResult(store.write(stuckKey, Secret(QStringLiteral("late"))));
        QCOMPARE(kindName(stuck), QStringLiteral("TimedOut"));
        QVERIFY(stuck->error->message.contains(stuckKey));

        QCOMPARE(::kill(daemon, SIGCONT), 0);
        store.setTimeout(std::chrono::seconds(15));
        const auto next = waitForResult(store.write(nextKey, Secret(QStringLiteral("next"))));
        QCOMPARE(kindName(next), QStringLiteral("ok"));
        const auto readBack = waitForResult(store.read(nextKey));
        QCOMPARE(kindName(readBack), QStringLiteral("ok"));
        QVERIFY(readBack->secret == Secret(QStringLiteral("next")));
        // The stuck write's late answer reached the parked job, harmlessly.
        QTRY_COMPARE_WITH_TIMEOUT(late.count(), 1, 10'000);
        waitForResult(store.remove(stuckKey));
        waitForResult(store.remove(nextKey));
    }

    // The keyring daemon is restarted (it crashed, or the desktop started it again): the
    // session libsecret opened on the old one is gone with it, and the first call fails on it
    // ("The session ... does not exist"). The store has libsecret connect afresh and makes
    // that call once more, so the first write after the restart succeeds. (Without the new
    // connection every call failed until Agentfolio quit; without the second try the user's
    // own Retry was needed.) Last: it leaves its own daemon running.
    void restartedDaemonIsConnectedAfresh()
    {
        KeychainSecretStore store;
        const QString before =
            SecretKeys::tokenKey(QStringLiteral("restart"), QStringLiteral("before"));
        const QString after =
            SecretKeys::tokenKey(QStringLiteral("restart"), QStringLiteral("after"));
        QCOMPARE(kindName(waitForResult(store.write(before, Secret(QStringLiteral("one"))))),
                 QStringLiteral("ok"));

        QDBusConnectionInterface *bus = QDBusConnection::sessionBus().interface();
        const QString service = QStringLiteral("org.freedesktop.secrets");
        const auto pidReply = bus->servicePid(service);
        QVERIFY2(pidReply.isValid(), qPrintable(pidReply.error().message()));
        QCOMPARE(::kill(pid_t(pidReply.value()), SIGTERM), 0);
        QTRY_VERIFY_WITH_TIMEOUT(!bus->isServiceRegistered(service), 10'000);
        // Started as tests/with-keyring.sh starts it, on the same throwaway keyring.
        m_restartedDaemon.setStandardOutputFile(QProcess::nullDevice());
        m_restartedDaemon.setStandardErrorFile(QProcess::nullDevice());
        m_restartedDaemon.start(QStringLiteral("gnome-keyring-daemon"),
                                { QStringLiteral("--foreground"), QStringLiteral("--unlock"),
                                  QStringLiteral("--components=secrets") });
        QVERIFY(m_restartedDaemon.waitForStarted());
        m_restartedDaemon.write("agentfolio-test");
        m_restartedDaemon.closeWriteChannel();
        QTRY_VERIFY_WITH_TIMEOUT(bus->isServiceRegistered(service), 10'000);

        const auto written = waitForResult(store.write(after, Secret(QStringLiteral("two"))));
        QCOMPARE(kindName(written), QStringLiteral("ok"));
        const auto readAfter = waitForResult(store.read(after));
        QCOMPARE(kindName(readAfter), QStringLiteral("ok"));
        QVERIFY(readAfter->secret == Secret(QStringLiteral("two")));
        // The keyring itself lived on in its file.
        const auto readBefore = waitForResult(store.read(before));
        QCOMPARE(kindName(readBefore), QStringLiteral("ok"));
        QVERIFY(readBefore->secret == Secret(QStringLiteral("one")));
        waitForResult(store.remove(before));
        waitForResult(store.remove(after));
    }

    void cleanupTestCase()
    {
        if (m_restartedDaemon.state() != QProcess::NotRunning) {
            m_restartedDaemon.terminate();
            m_restartedDaemon.waitForFinished();
        }
    }

private:
    QProcess m_restartedDaemon;
};

QTEST_GUILESS_MAIN(tst_KeychainSecretStore)
#include "tst_keychainsecretstore.moc"
