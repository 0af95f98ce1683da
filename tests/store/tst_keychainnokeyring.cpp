// A keyring daemon with no keyring yet, which cannot ask the user to create one: ctest runs
// this in its own D-Bus session that can activate nothing (tests/without-keyring.sh,
// tests/dbus-no-services.conf), so gnome-keyring's prompt cannot start, as when the user
// cancels it. The daemon is started here, with a throwaway HOME and no display.
#include "secretwait.h"
#include "store/keychainsecretstore.h"
#include "store/secretkeys.h"

#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QProcess>
#include <QProcessEnvironment>
#include <QTest>

using namespace agentfolio;
using agentfolio::test::kindName;
using agentfolio::test::waitForResult;

class tst_KeychainNoKeyring : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QDBusConnectionInterface *bus = QDBusConnection::sessionBus().interface();
        QVERIFY(!bus->isServiceRegistered(m_service));
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        // No display: a prompt could otherwise appear on the developer's desktop.
        environment.remove(QStringLiteral("DISPLAY"));
        environment.remove(QStringLiteral("WAYLAND_DISPLAY"));
        m_daemon.setProcessEnvironment(environment);
        m_daemon.setStandardOutputFile(QProcess::nullDevice());
        m_daemon.setStandardErrorFile(QProcess::nullDevice());
        m_daemon.start(QStringLiteral("gnome-keyring-daemon"),
                       { QStringLiteral("--foreground"), QStringLiteral("--components=secrets") });
        QVERIFY(m_daemon.waitForStarted());
        QTRY_VERIFY_WITH_TIMEOUT(bus->isServiceRegistered(m_service), 10'000);
    }

    // Said as what it is, with what to do, not as "an unexpected error".
    void aWriteSaysThereIsNoKeyring()
    {
        KeychainSecretStore store;
        const QString key = SecretKeys::tokenKey(QStringLiteral("nokeyring"), QStringLiteral("a"));
        const auto written = waitForResult(store.write(key, Secret(QStringLiteral("value"))));
        QCOMPARE(kindName(written), QStringLiteral("NoKeyring"));
        const QString message = written->error->message;
        QVERIFY2(message.contains(key), qPrintable(message));
        QVERIFY2(message.contains(QStringLiteral("no keyring to keep it in")), qPrintable(message));
        QVERIFY2(!message.contains(QStringLiteral("unexpected")), qPrintable(message));
        QVERIFY(!message.contains(QStringLiteral("value")));
    }

    void cleanupTestCase()
    {
        if (m_daemon.state() != QProcess::NotRunning) {
            m_daemon.terminate();
            m_daemon.waitForFinished();
        }
    }

private:
    const QString m_service = QStringLiteral("org.freedesktop.secrets");
    QProcess m_daemon;
};

QTEST_GUILESS_MAIN(tst_KeychainNoKeyring)
#include "tst_keychainnokeyring.moc"
