// With no Secret Service: ctest runs this in its own D-Bus session that cannot activate
// any service (tests/without-keyring.sh, tests/dbus-no-services.conf), with a throwaway
// HOME. The situation of a desktop without a keyring daemon.
#include "secretwait.h"
#include "store/keychainsecretstore.h"
#include "store/portfolioindex.h"
#include "store/secretkeys.h"
#include "store/tokenhandoff.h"

#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDBusMessage>
#include <QDBusVirtualObject>
#include <QDirIterator>
#include <QFile>
#include <QMutex>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace agentfolio;
using agentfolio::test::kindName;
using agentfolio::test::waitForResult;
using Operation = SecretStoreError::Operation;

Q_DECLARE_METATYPE(agentfolio::SecretStoreError::Operation)

namespace {

// A Secret Service that takes every call and never answers, until told to.
class SilentSecretService : public QDBusVirtualObject
{
public:
    QString introspect(const QString &) const override { return QString(); }
    bool handleMessage(const QDBusMessage &message, const QDBusConnection &) override
    {
        QMutexLocker locker(&m_mutex);
        m_held.append(message);
        return true; // handled: no reply is sent
    }
    int heldCount()
    {
        QMutexLocker locker(&m_mutex);
        return int(m_held.size());
    }
    void answerAllWithErrors(QDBusConnection connection)
    {
        QMutexLocker locker(&m_mutex);
        for (const QDBusMessage &message : std::as_const(m_held))
            connection.send(
                message.createErrorReply(QDBusError::Failed, QStringLiteral("test: late failure")));
        m_held.clear();
    }

private:
    QMutex m_mutex;
    QList<QDBusMessage> m_held;
};

const QString SecretsName = QStringLiteral("org.freedesktop.secrets");

} // namespace

class tst_KeychainUnavailable : public QObject
{
    Q_OBJECT

private:
    static SecretJob *call(SecretStore &store, Operation op, const QString &key)
    {
        switch (op) {
        case Operation::Write:
            return store.write(key, Secret(QStringLiteral("unstorable-test-value")));
        case Operation::Read:
            return store.read(key);
        case Operation::Remove:
            return store.remove(key);
        }
        return nullptr;
    }

    // Every file under the scratch HOME and data/config dirs that contains `needle`.
    static QStringList filesContaining(const QByteArray &needle)
    {
        QStringList roots { QDir::homePath(),
                            QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation),
                            QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) };
        QStringList found;
        for (const QString &root : roots) {
            QDirIterator it(root, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
            while (it.hasNext()) {
                QFile file(it.next());
                if (file.open(QIODevice::ReadOnly) && file.readAll().contains(needle))
                    found.append(file.fileName());
            }
        }
        return found;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QCoreApplication::setOrganizationName(QStringLiteral("agentfolio-test"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_keychainunavailable"));
        QVERIFY(QDBusConnection::sessionBus().isConnected());
        QVERIFY(!QDBusConnection::sessionBus().interface()->isServiceRegistered(SecretsName));
        // A safety net: never scan or write a real home.
        QVERIFY2(QDir::homePath().startsWith(QStringLiteral("/tmp")),
                 "HOME is not the throwaway one of tests/without-keyring.sh");
    }

    void everyCallSaysNoKeychain_data()
    {
        QTest::addColumn<Operation>("operation");
        QTest::newRow("write") << Operation::Write;
        QTest::newRow("read") << Operation::Read;
        QTest::newRow("remove") << Operation::Remove;
    }

    // A real answer from the backend, within the timeout: the kind is NoKeychain, which
    // can only come before the store's timer fires (that would give TimedOut).
    void everyCallSaysNoKeychain()
    {
        QFETCH(Operation, operation);
        KeychainSecretStore store;
        store.setTimeout(std::chrono::seconds(10));
        const QString key = SecretKeys::apiKeyKey(QStringLiteral("nokeychain"));
        const auto result = waitForResult(call(store, operation, key));
        QCOMPARE(kindName(result), QStringLiteral("NoKeychain"));
        QVERIFY(result->error->message.contains(key));
        QVERIFY(!result->error->message.contains(QStringLiteral("unstorable-test-value")));
    }

    // No insecure fallback: nothing lands in a file instead.
    void nothingWrittenInPlainText()
    {
        KeychainSecretStore store;
        const QString key = SecretKeys::tokenKey(QStringLiteral("plain"), QStringLiteral("t1"));
        QCOMPARE(kindName(waitForResult(
                     store.write(key, Secret(QStringLiteral("plaintext-probe-7f3a"))))),
                 QStringLiteral("NoKeychain"));
        QVERIFY(filesContaining("plaintext-probe-7f3a").isEmpty());
    }

    void handOffKeepsTokenPending()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        KeychainSecretStore store;
        PortfolioIndex index(dir.filePath(QStringLiteral("index.json")));
        index.load();
        TokenHandOff handOff(&store, &index);
        QSignalSpy pending(&handOff, &TokenHandOff::tokenPending);
        QSignalSpy finished(&handOff, &TokenHandOff::handOffFinished);
        QSignalSpy stored(&handOff, &TokenHandOff::tokenStored);

        CreatePortfolioResult created;
        created.portfolio.id = QStringLiteral("a1b2c3d4-e5f6-7890-abcd-ef1234567890");
        created.portfolio.name = QStringLiteral("MyPort1");
        created.portfolio.gcid = 12345678;
        created.portfolio.virtualBalance = Money::fromCents(1'000'000);
        created.portfolio.mirrorId = 12345;
        UserToken token;
        token.id = QStringLiteral("f9e8d7c6-b5a4-3210-fedc-ba9876543210");
        token.name = QStringLiteral("my-trading-token");
        created.createdTokens.append(
            CreatedToken { token, Secret(QStringLiteral("pending-probe-91c2")) });

        handOff.storeCreated(QStringLiteral("sandbox"), created, Money::fromCents(200'000),
                             QStringLiteral("desc"), QUuid::createUuid());
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 20'000);
        QCOMPARE(pending.count(), 1);
        QCOMPARE(stored.count(), 0);
        const auto error = pending.at(0).at(3).value<SecretStoreError>();
        QCOMPARE(SecretStoreError::kindName(error.kind), QStringLiteral("NoKeychain"));

        // Held in memory, with its secret, for the user to copy.
        QCOMPARE(handOff.pendingTokens().size(), 1);
        const PendingToken held = handOff.pendingTokens().constFirst();
        QCOMPARE(held.token.token.id, token.id);
        QVERIFY(held.token.secret == Secret(QStringLiteral("pending-probe-91c2")));
        QVERIFY(!held.storing);
        QVERIFY(held.error.has_value());

        // The portfolio is recorded all the same, its token marked "secret not stored".
        const auto recorded =
            index.token(QStringLiteral("sandbox"), created.portfolio.id, token.id);
        QVERIFY(recorded.has_value());
        QVERIFY(!recorded->secretStored);
        QVERIFY(filesContaining("pending-probe-91c2").isEmpty());

        // A retry fails the same way and keeps it.
        QVERIFY(handOff.retry(token.id));
        QVERIFY(pending.wait(20'000));
        QCOMPARE(handOff.pendingTokens().size(), 1);
        QVERIFY(filesContaining("pending-probe-91c2").isEmpty());
    }

    // QtKeychain runs one job at a time. A Secret Service that takes a call and never
    // answers would block every later job; the store's timeout must free the queue.
    void hungJobDoesNotBlockTheNext()
    {
        QDBusConnection fake = QDBusConnection::connectToBus(QDBusConnection::SessionBus,
                                                             QStringLiteral("silent-secrets"));
        QVERIFY(fake.isConnected());
        SilentSecretService silent;
        QVERIFY(fake.registerVirtualObject(QStringLiteral("/"), &silent, QDBusConnection::SubPath));
        QVERIFY(fake.registerService(SecretsName));

        agentfolio::test::LogWatcher late(
            QStringLiteral("late answer for the parked keychain job"));
        KeychainSecretStore store;
        store.setTimeout(std::chrono::milliseconds(1500));
        const QString stuckKey = SecretKeys::tokenKey(QStringLiteral("hang"), QStringLiteral("a"));
        const auto stuck =
            waitForResult(store.write(stuckKey, Secret(QStringLiteral("hung-value"))));
        QCOMPARE(kindName(stuck), QStringLiteral("TimedOut"));
        QVERIFY2(silent.heldCount() > 0, "the call never reached the silent service");

        // The silent service goes away without answering: its held calls stay unanswered
        // (D-Bus would only time them out after 25 s). A later job must get a real answer
        // from the backend well before that, which it can only if the queue was freed.
        QVERIFY(fake.unregisterService(SecretsName));
        store.setTimeout(std::chrono::seconds(10));
        const QString nextKey = SecretKeys::tokenKey(QStringLiteral("hang"), QStringLiteral("b"));
        const auto next = waitForResult(store.read(nextKey));
        QCOMPARE(kindName(next), QStringLiteral("NoKeychain"));

        // The stuck call's late answer reaches the parked QtKeychain job: no harm done.
        QCOMPARE(late.count(), 0);
        silent.answerAllWithErrors(fake);
        QTRY_COMPARE_WITH_TIMEOUT(late.count(), 1, 10'000);
        const auto after = waitForResult(store.read(nextKey));
        QCOMPARE(kindName(after), QStringLiteral("NoKeychain"));

        fake.unregisterObject(QStringLiteral("/"), QDBusConnection::UnregisterTree);
        QDBusConnection::disconnectFromBus(QStringLiteral("silent-secrets"));
    }
};

QTEST_GUILESS_MAIN(tst_KeychainUnavailable)
#include "tst_keychainunavailable.moc"
