#include "store/secretkeys.h"

#include <QSet>
#include <QTest>

using namespace agentfolio;

class tst_SecretKeys : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void keys_data()
    {
        QTest::addColumn<QString>("actual");
        QTest::addColumn<QString>("expected");
        QTest::newRow("api key") << SecretKeys::apiKeyKey(QStringLiteral("main"))
                                 << QStringLiteral("agentfolio/main/api-key");
        QTest::newRow("user key") << SecretKeys::userKeyKey(QStringLiteral("main"))
                                  << QStringLiteral("agentfolio/main/user-key");
        QTest::newRow("token")
            << SecretKeys::tokenKey(QStringLiteral("sandbox"),
                                    QStringLiteral("f9e8d7c6-b5a4-3210-fedc-ba9876543210"))
            << QStringLiteral("agentfolio/sandbox/token/f9e8d7c6-b5a4-3210-fedc-ba9876543210");
        QTest::newRow("keychain check") << SecretKeys::keychainCheckKey(QStringLiteral("main"))
                                        << QStringLiteral("agentfolio/main/keychain-check");
        QTest::newRow("slash in id is escaped")
            << SecretKeys::tokenKey(QStringLiteral("a/b"), QStringLiteral("x/y"))
            << QStringLiteral("agentfolio/a%2Fb/token/x%2Fy");
        QTest::newRow("empty id") << SecretKeys::apiKeyKey(QString())
                                  << QStringLiteral("agentfolio/%00/api-key");
    }

    void keys()
    {
        QFETCH(QString, actual);
        QFETCH(QString, expected);
        QCOMPARE(actual, expected);
    }

    // Different (profile, token) pairs never share a key, even with awkward ids.
    void distinct()
    {
        const QStringList ids { QStringLiteral("a"),     QStringLiteral("a/token/b"),
                                QStringLiteral("a/b"),   QStringLiteral("a%2Fb"),
                                QStringLiteral(""),      QStringLiteral("%00"),
                                QStringLiteral("token"), QStringLiteral("b") };
        QSet<QString> seen;
        int count = 0;
        for (const QString &profile : ids) {
            seen.insert(SecretKeys::apiKeyKey(profile));
            seen.insert(SecretKeys::userKeyKey(profile));
            seen.insert(SecretKeys::keychainCheckKey(profile));
            count += 3;
            for (const QString &token : ids) {
                seen.insert(SecretKeys::tokenKey(profile, token));
                ++count;
            }
        }
        QCOMPARE(seen.size(), count);
    }
};

QTEST_GUILESS_MAIN(tst_SecretKeys)
#include "tst_secretkeys.moc"
