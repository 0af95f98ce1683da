#include "sandbox/sandboxserver.h"
#include "store/memorysecretstore.h"
#include "store/profilekeys.h"
#include "store/secretkeys.h"

#include <QTest>

using namespace agentfolio;

class tst_ProfileKeys : public QObject
{
    Q_OBJECT

private:
    static Profile realProfile()
    {
        return Profile { QStringLiteral("work"), QStringLiteral("Work"), Profile::defaultBaseUrl(),
                         false };
    }

private Q_SLOTS:
    void sandboxUsesBuiltInKeysAndNoKeychain()
    {
        MemorySecretStore store;
        QObject context;
        std::optional<ApiCredentials> got;
        std::optional<SecretStoreError> error;
        bool answered = false;
        ProfileKeys::read(
            &store, Profile::sandbox(), &context,
            [&](const std::optional<ApiCredentials> &c, const std::optional<SecretStoreError> &e) {
                got = c;
                error = e;
                answered = true;
            });
        QVERIFY(!answered); // asynchronous like the keychain
        QTRY_VERIFY(answered);
        QVERIFY(!error);
        QVERIFY(got->apiKey == Secret(SandboxServer::builtInApiKey()));
        QVERIFY(got->userKey == Secret(SandboxServer::builtInUserKey()));
        QVERIFY(!got->apiKey.isEmpty());
        QCOMPARE(store.startedCount(), 0);
    }

    void writeReadRemove()
    {
        MemorySecretStore store;
        QObject context;
        const ApiCredentials credentials { Secret(QStringLiteral("api-value")),
                                           Secret(QStringLiteral("user-value")) };
        std::optional<std::optional<SecretStoreError>> done;
        ProfileKeys::write(&store, QStringLiteral("work"), credentials, &context,
                           [&](const std::optional<SecretStoreError> &e) { done = e; });
        QTRY_VERIFY(done.has_value());
        QVERIFY(!done->has_value());
        QVERIFY(store.value(SecretKeys::apiKeyKey(QStringLiteral("work"))) == credentials.apiKey);
        QVERIFY(store.value(SecretKeys::userKeyKey(QStringLiteral("work"))) == credentials.userKey);

        std::optional<ApiCredentials> got;
        bool answered = false;
        ProfileKeys::read(
            &store, realProfile(), &context,
            [&](const std::optional<ApiCredentials> &c, const std::optional<SecretStoreError> &) {
                got = c;
                answered = true;
            });
        QTRY_VERIFY(answered);
        QVERIFY(got);
        QVERIFY(got->apiKey == credentials.apiKey);
        QVERIFY(got->userKey == credentials.userKey);

        done.reset();
        ProfileKeys::remove(&store, QStringLiteral("work"), &context,
                            [&](const std::optional<SecretStoreError> &e) { done = e; });
        QTRY_VERIFY(done.has_value());
        QVERIFY(!done->has_value());
        QVERIFY(store.keys().isEmpty());
    }

    void missingKeysAreNotFound()
    {
        MemorySecretStore store;
        QObject context;
        std::optional<SecretStoreError> error;
        bool answered = false;
        ProfileKeys::read(
            &store, realProfile(), &context,
            [&](const std::optional<ApiCredentials> &c, const std::optional<SecretStoreError> &e) {
                QVERIFY(!c);
                error = e;
                answered = true;
            });
        QTRY_VERIFY(answered);
        QVERIFY(error);
        QCOMPARE(error->kind, SecretStoreError::Kind::NotFound);
    }

    void writeFailureReported()
    {
        MemorySecretStore store;
        QObject context;
        store.setKeyFailure(SecretKeys::userKeyKey(QStringLiteral("work")),
                            SecretStoreError::Kind::AccessDenied);
        std::optional<std::optional<SecretStoreError>> done;
        ProfileKeys::write(&store, QStringLiteral("work"),
                           { Secret(QStringLiteral("a")), Secret(QStringLiteral("u")) }, &context,
                           [&](const std::optional<SecretStoreError> &e) { done = e; });
        QTRY_VERIFY(done.has_value());
        QVERIFY(done->has_value());
        QCOMPARE((*done)->kind, SecretStoreError::Kind::AccessDenied);
        QVERIFY((*done)->message.contains(SecretKeys::userKeyKey(QStringLiteral("work"))));
    }

    void noCallbackAfterContextDestroyed()
    {
        MemorySecretStore store;
        bool called = false;
        auto context = std::make_unique<QObject>();
        ProfileKeys::read(&store, Profile::sandbox(), context.get(),
                          [&](const std::optional<ApiCredentials> &,
                              const std::optional<SecretStoreError> &) { called = true; });
        ProfileKeys::read(&store, realProfile(), context.get(),
                          [&](const std::optional<ApiCredentials> &,
                              const std::optional<SecretStoreError> &) { called = true; });
        context.reset();
        QTest::qWait(100);
        QVERIFY(!called);
    }
};

QTEST_GUILESS_MAIN(tst_ProfileKeys)
#include "tst_profilekeys.moc"
