#include "secretwait.h"
#include "store/memorysecretstore.h"
#include "store/secretjob.h"

#include <QTest>

using namespace agentfolio;
using agentfolio::test::kindName;
using agentfolio::test::waitForResult;
using Kind = SecretStoreError::Kind;
using Operation = SecretStoreError::Operation;

Q_DECLARE_METATYPE(agentfolio::SecretStoreError::Kind)
Q_DECLARE_METATYPE(agentfolio::SecretStoreError::Operation)

class tst_MemorySecretStore : public QObject
{
    Q_OBJECT

private:
    static SecretJob *call(SecretStore &store, Operation op, const QString &key,
                           const Secret &value = Secret())
    {
        switch (op) {
        case Operation::Write:
            return store.write(key, value);
        case Operation::Read:
            return store.read(key);
        case Operation::Remove:
            return store.remove(key);
        }
        return nullptr;
    }

private Q_SLOTS:
    void writeReadOverwriteRemove()
    {
        MemorySecretStore store;
        const QString key = QStringLiteral("agentfolio/test/token/one");

        auto result = waitForResult(store.write(key, Secret(QStringLiteral("first-value"))));
        QCOMPARE(kindName(result), QStringLiteral("ok"));
        result = waitForResult(store.read(key));
        QCOMPARE(kindName(result), QStringLiteral("ok"));
        QVERIFY(result->secret == Secret(QStringLiteral("first-value")));

        result = waitForResult(store.write(key, Secret(QStringLiteral("second-value"))));
        QCOMPARE(kindName(result), QStringLiteral("ok"));
        result = waitForResult(store.read(key));
        QVERIFY(result->secret == Secret(QStringLiteral("second-value")));

        result = waitForResult(store.remove(key));
        QCOMPARE(kindName(result), QStringLiteral("ok"));
        QVERIFY(!store.contains(key));
        result = waitForResult(store.read(key));
        QCOMPARE(kindName(result), QStringLiteral("NotFound"));
    }

    void removeAbsentSucceeds()
    {
        MemorySecretStore store;
        const auto result = waitForResult(store.remove(QStringLiteral("agentfolio/x/api-key")));
        QCOMPARE(kindName(result), QStringLiteral("ok"));
    }

    void writeJobDoesNotKeepValue()
    {
        MemorySecretStore store;
        SecretJob *job = store.write(QStringLiteral("k"), Secret(QStringLiteral("held-value")));
        QVERIFY(!job->valueToWrite().isEmpty());
        Secret seenAfterFinish(QStringLiteral("not cleared"));
        connect(job, &SecretJob::finished, this,
                [&](SecretJob *finished) { seenAfterFinish = finished->valueToWrite(); });
        QVERIFY(waitForResult(job));
        QVERIFY(seenAfterFinish.isEmpty());
    }

    // Answers come from the event loop, never from inside the call: connecting after the
    // call returned must not miss the answer.
    void answersAreAsynchronous()
    {
        MemorySecretStore store;
        SecretJob *job = store.write(QStringLiteral("k"), Secret(QStringLiteral("v")));
        QVERIFY(!job->isFinished());
        QSignalSpy spy(job, &SecretJob::finished);
        QVERIFY(spy.wait(5000));
        QCOMPARE(spy.count(), 1);
    }

    void failures_data()
    {
        QTest::addColumn<Kind>("kind");
        QTest::addColumn<Operation>("operation");
        const QList<std::pair<const char *, Kind>> kinds {
            { "NoKeychain", Kind::NoKeychain }, { "AccessDenied", Kind::AccessDenied },
            { "NotFound", Kind::NotFound },     { "TimedOut", Kind::TimedOut },
            { "Other", Kind::Other },
        };
        const QList<std::pair<const char *, Operation>> ops {
            { "write", Operation::Write },
            { "read", Operation::Read },
            { "remove", Operation::Remove },
        };
        for (const auto &[kindName, kind] : kinds) {
            for (const auto &[opName, op] : ops)
                QTest::addRow("%s-%s", kindName, opName) << kind << op;
        }
    }

    void failures()
    {
        QFETCH(Kind, kind);
        QFETCH(Operation, operation);
        MemorySecretStore store;
        const QString key = QStringLiteral("agentfolio/acct/token/abc");
        const Secret value(QStringLiteral("value-that-must-not-appear"));
        QVERIFY(waitForResult(store.write(key, value))->ok());

        store.setFailure(kind);
        const auto result = waitForResult(call(store, operation, key, value));
        QCOMPARE(kindName(result), SecretStoreError::kindName(kind));
        QVERIFY(result->secret.isEmpty());
        // The message names the key, never the value.
        QVERIFY2(result->error->message.contains(key), qPrintable(result->error->message));
        QVERIFY(!result->error->message.contains(value.reveal()));

        store.setFailure(std::nullopt);
        // The value written before the failures is still there: every call succeeds again.
        QCOMPARE(kindName(waitForResult(call(store, operation, key, value))), QStringLiteral("ok"));
    }

    void keyFailureAffectsOnlyThatKey()
    {
        MemorySecretStore store;
        store.setKeyFailure(QStringLiteral("bad"), Kind::AccessDenied);
        QCOMPARE(kindName(waitForResult(
                     store.write(QStringLiteral("bad"), Secret(QStringLiteral("v"))))),
                 QStringLiteral("AccessDenied"));
        QCOMPARE(kindName(waitForResult(
                     store.write(QStringLiteral("good"), Secret(QStringLiteral("v"))))),
                 QStringLiteral("ok"));
        QVERIFY(!store.contains(QStringLiteral("bad")));
        QVERIFY(store.contains(QStringLiteral("good")));
        store.setKeyFailure(QStringLiteral("bad"), std::nullopt);
        QCOMPARE(kindName(waitForResult(
                     store.write(QStringLiteral("bad"), Secret(QStringLiteral("v"))))),
                 QStringLiteral("ok"));
    }

    void emptyKeyFails()
    {
        MemorySecretStore store;
        QCOMPARE(kindName(waitForResult(store.read(QString()))), QStringLiteral("Other"));
        QCOMPARE(store.startedCount(), 0);
    }

    // A backend that never answers: the store's own timeout answers instead.
    void hangingBackendTimesOut_data()
    {
        QTest::addColumn<Operation>("operation");
        QTest::newRow("write") << Operation::Write;
        QTest::newRow("read") << Operation::Read;
        QTest::newRow("remove") << Operation::Remove;
    }

    void hangingBackendTimesOut()
    {
        QFETCH(Operation, operation);
        MemorySecretStore store;
        store.setTimeout(std::chrono::milliseconds(200));
        store.setNeverAnswer(true);
        SecretJob *job = call(store, operation, QStringLiteral("agentfolio/p/api-key"),
                              Secret(QStringLiteral("v")));
        const auto result = waitForResult(job);
        QCOMPARE(kindName(result), QStringLiteral("TimedOut"));
        QVERIFY(result->error->message.contains(QStringLiteral("agentfolio/p/api-key")));
        QCOMPARE(store.startedCount(), 1);
        QCOMPARE(store.hangingCount(), 0); // abandoned on timeout

        // The store is usable again afterwards.
        store.setNeverAnswer(false);
        QCOMPARE(
            kindName(waitForResult(store.write(QStringLiteral("k"), Secret(QStringLiteral("v"))))),
            QStringLiteral("ok"));
    }

    // The timeout is the one set when the call was made.
    void timeoutAppliesToLaterCalls()
    {
        MemorySecretStore store;
        store.setNeverAnswer(true);
        store.setTimeout(std::chrono::milliseconds(100));
        SecretJob *quick = store.read(QStringLiteral("a"));
        store.setTimeout(std::chrono::milliseconds(60'000));
        SecretJob *slow = store.read(QStringLiteral("b"));
        QPointer<SecretJob> slowGuard(slow);
        QCOMPARE(kindName(waitForResult(quick)), QStringLiteral("TimedOut"));
        QVERIFY(slowGuard);
        QVERIFY(!slow->isFinished());
        QCOMPARE(store.hangingCount(), 1);
    }

    void callbackForm()
    {
        MemorySecretStore store;
        std::optional<SecretResult> got;
        QObject context;
        store.write(QStringLiteral("k"), Secret(QStringLiteral("v1")), &context,
                    [&](const SecretResult &r) { got = r; });
        QTRY_VERIFY(got.has_value());
        QVERIFY(got->ok());
        got.reset();
        store.read(QStringLiteral("k"), &context, [&](const SecretResult &r) { got = r; });
        QTRY_VERIFY(got.has_value());
        QVERIFY(got->secret == Secret(QStringLiteral("v1")));
        got.reset();
        store.remove(QStringLiteral("k"), &context, [&](const SecretResult &r) { got = r; });
        QTRY_VERIFY(got.has_value());
        QVERIFY(got->ok());
        QVERIFY(!store.contains(QStringLiteral("k")));
    }

    // A widget that closed before the keychain answered must not be called back.
    void callbackNotCalledAfterContextDestroyed()
    {
        MemorySecretStore store;
        store.setTimeout(std::chrono::milliseconds(100));
        bool called = false;
        auto context = std::make_unique<QObject>();
        store.write(QStringLiteral("k"), Secret(QStringLiteral("v")), context.get(),
                    [&](const SecretResult &) { called = true; });
        context.reset();
        // A second call made after it, with a live context, marks when the first has surely
        // been answered (the store answers in order).
        bool laterCalled = false;
        QObject live;
        store.read(QStringLiteral("k"), &live, [&](const SecretResult &) { laterCalled = true; });
        QTRY_VERIFY(laterCalled);
        QVERIFY(store.contains(QStringLiteral("k"))); // the write itself happened
        QVERIFY(!called);

        // Same for a call that only ends by timing out.
        store.setNeverAnswer(true);
        context = std::make_unique<QObject>();
        store.read(QStringLiteral("k"), context.get(),
                   [&](const SecretResult &) { called = true; });
        context.reset();
        SecretJob *marker = store.read(QStringLiteral("k"));
        QCOMPARE(kindName(waitForResult(marker)), QStringLiteral("TimedOut"));
        QTest::qWait(50);
        QVERIFY(!called);
    }

    void jobsOutliveNothingAfterStoreDestroyed()
    {
        auto store = std::make_unique<MemorySecretStore>();
        bool called = false;
        QObject context;
        store->write(QStringLiteral("k"), Secret(QStringLiteral("v")), &context,
                     [&](const SecretResult &) { called = true; });
        store.reset();
        QTest::qWait(50);
        QVERIFY(!called);
    }
};

QTEST_GUILESS_MAIN(tst_MemorySecretStore)
#include "tst_memorysecretstore.moc"
