#include "store/profilestore.h"

#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace agentfolio;

class tst_ProfileStore : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_counter = 0;
    QString freshIni() { return m_dir.filePath(QStringLiteral("s%1.ini").arg(++m_counter)); }

    static Profile real(const QString &name,
                        const QString &url = QStringLiteral("https://public-api.etoro.com"))
    {
        return Profile { QString(), name, QUrl(url), false };
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    // isValidId is checked by hand (no regular expression before the window shows); it
    // must say what the documented pattern says, final-newline quirk of $ included.
    void validIdsFollowThePattern_data()
    {
        QTest::addColumn<QString>("id");
        for (const char *id : { "a", "z9", "work", "joe-s-real-account", "a-b-c", "0", "a--b" })
            QTest::newRow(id) << QString::fromLatin1(id);
        QTest::newRow("empty") << QString();
        QTest::newRow("leading dash") << QStringLiteral("-a");
        QTest::newRow("trailing dash") << QStringLiteral("a-");
        QTest::newRow("only dash") << QStringLiteral("-");
        QTest::newRow("capital") << QStringLiteral("Work");
        QTest::newRow("underscore") << QStringLiteral("a_b");
        QTest::newRow("slash") << QStringLiteral("Bad/Id");
        QTest::newRow("space") << QStringLiteral("a b");
        QTest::newRow("final newline") << QStringLiteral("abc\n");
        QTest::newRow("only newline") << QStringLiteral("\n");
        QTest::newRow("two newlines") << QStringLiteral("abc\n\n");
        QTest::newRow("inner newline") << QStringLiteral("a\nb");
        QTest::newRow("dash newline") << QStringLiteral("a-\n");
        QTest::newRow("non-ascii") << QStringLiteral("caf\u00e9");
        QTest::newRow("40 chars") << QString(40, QLatin1Char('a'));
        QTest::newRow("41 chars") << QString(41, QLatin1Char('a'));
        QTest::newRow("39 chars and newline") << QString(39, QLatin1Char('a')) + u'\n';
        QTest::newRow("40 chars and newline") << QString(40, QLatin1Char('a')) + u'\n';
    }

    void validIdsFollowThePattern()
    {
        QFETCH(QString, id);
        const QRegularExpression pattern(QStringLiteral("^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$"));
        const bool expected =
            id.size() <= ProfileStore::MaxIdLength && pattern.match(id).hasMatch();
        QCOMPARE(ProfileStore::isValidId(id), expected);
    }

    void sandboxAlwaysExists()
    {
        ProfileStore store(freshIni());
        const QList<Profile> profiles = store.profiles();
        QCOMPARE(profiles.size(), 1);
        QCOMPARE(profiles.first().id, QStringLiteral("sandbox"));
        QVERIFY(profiles.first().isSandbox);
        QCOMPARE(store.activeProfileId(), QStringLiteral("sandbox"));
        QVERIFY(store.activeProfile().isSandbox);

        QString why;
        QVERIFY(!store.remove(QStringLiteral("sandbox"), &why));
        QVERIFY(!why.isEmpty());
        Profile changed = Profile::sandbox();
        changed.displayName = QStringLiteral("Renamed");
        QVERIFY(!store.update(changed, &why));
        QVERIFY(!store.add(Profile::sandbox(), &why));
        QCOMPARE(store.profiles().size(), 1);
    }

    void addListRemovePersist()
    {
        const QString ini = freshIni();
        {
            ProfileStore store(ini);
            QSignalSpy changed(&store, &ProfileStore::profilesChanged);
            QString why;
            const auto added = store.add(real(QStringLiteral("  My account ")), &why);
            QVERIFY2(added, qPrintable(why));
            QCOMPARE(added->id, QStringLiteral("my-account"));
            QCOMPARE(added->displayName, QStringLiteral("My account"));
            QVERIFY(!added->isSandbox);
            QVERIFY(store.add(real(QStringLiteral("Another")), &why));
            QCOMPARE(changed.count(), 2);
        }
        {
            ProfileStore store(ini);
            const QList<Profile> profiles = store.profiles();
            QCOMPARE(profiles.size(), 3);
            QCOMPARE(profiles.at(0).id, QStringLiteral("sandbox"));
            QCOMPARE(profiles.at(1).id, QStringLiteral("another"));
            QCOMPARE(profiles.at(2).id, QStringLiteral("my-account"));
            QCOMPARE(profiles.at(2).baseUrl, QUrl(QStringLiteral("https://public-api.etoro.com")));

            Profile updated = profiles.at(2);
            updated.displayName = QStringLiteral("Main");
            updated.baseUrl = QUrl(QStringLiteral("http://127.0.0.1:8080"));
            QString why;
            QVERIFY2(store.update(updated, &why), qPrintable(why));
            QCOMPARE(store.profile(QStringLiteral("my-account")), updated);

            QVERIFY(store.remove(QStringLiteral("another")));
            QVERIFY(!store.contains(QStringLiteral("another")));
            QVERIFY(!store.remove(QStringLiteral("another"), &why));
        }
        ProfileStore store(ini);
        QCOMPARE(store.profiles().size(), 2);
        // The settings file holds names and URLs only.
        QFile file(ini);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray content = file.readAll();
        QVERIFY(content.contains("Main"));
        QVERIFY(!content.contains("key"));
    }

    void uniqueIds_data()
    {
        QTest::addColumn<QString>("displayName");
        QTest::addColumn<QString>("expected");
        QTest::newRow("simple") << QStringLiteral("Work") << QStringLiteral("work");
        QTest::newRow("spaces and punctuation")
            << QStringLiteral("  Joe's  real   account! ") << QStringLiteral("joe-s-real-account");
        QTest::newRow("no ascii") << QStringLiteral("日本") << QStringLiteral("account");
        QTest::newRow("reserved") << QStringLiteral("sandbox") << QStringLiteral("sandbox-account");
        QTest::newRow("taken") << QStringLiteral("Taken") << QStringLiteral("taken-2");
        QTest::newRow("long") << QString(80, QLatin1Char('a')) << QString(36, QLatin1Char('a'));
    }

    void uniqueIds()
    {
        QFETCH(QString, displayName);
        QFETCH(QString, expected);
        ProfileStore store(freshIni());
        QVERIFY(store.add(real(QStringLiteral("taken"))));
        const QString id = store.uniqueIdFor(displayName);
        QCOMPARE(id, expected);
        QVERIFY(ProfileStore::isValidId(id));
    }

    void rejected_data()
    {
        QTest::addColumn<QString>("id");
        QTest::addColumn<QString>("displayName");
        QTest::addColumn<QString>("url");
        const QString ok = QStringLiteral("https://public-api.etoro.com");
        QTest::newRow("empty name") << QString() << QStringLiteral("  ") << ok;
        QTest::newRow("control char") << QString() << QStringLiteral("a\tb") << ok;
        QTest::newRow("name too long") << QString() << QString(65, QLatin1Char('n')) << ok;
        QTest::newRow("duplicate name") << QString() << QStringLiteral("EXISTING") << ok;
        QTest::newRow("sandbox name") << QString() << QStringLiteral("sandbox") << ok;
        QTest::newRow("duplicate id")
            << QStringLiteral("existing") << QStringLiteral("Other") << ok;
        QTest::newRow("reserved id") << QStringLiteral("sandbox") << QStringLiteral("Other") << ok;
        QTest::newRow("bad id") << QStringLiteral("Bad/Id") << QStringLiteral("Other") << ok;
        QTest::newRow("plain http") << QString() << QStringLiteral("Other")
                                    << QStringLiteral("http://public-api.etoro.com");
        QTest::newRow("ftp") << QString() << QStringLiteral("Other")
                             << QStringLiteral("ftp://x.org");
        QTest::newRow("relative") << QString() << QStringLiteral("Other") << QStringLiteral("/api");
        QTest::newRow("empty url") << QString() << QStringLiteral("Other") << QString();
        QTest::newRow("credentials") << QString() << QStringLiteral("Other")
                                     << QStringLiteral("https://u:p@public-api.etoro.com");
        QTest::newRow("query") << QString() << QStringLiteral("Other")
                               << QStringLiteral("https://public-api.etoro.com/?k=v");
    }

    void rejected()
    {
        QFETCH(QString, id);
        QFETCH(QString, displayName);
        QFETCH(QString, url);
        ProfileStore store(freshIni());
        QVERIFY(store.add(real(QStringLiteral("Existing"))));
        QSignalSpy changed(&store, &ProfileStore::profilesChanged);
        QString why;
        QVERIFY(!store.add(Profile { id, displayName, QUrl(url), false }, &why));
        QVERIFY(!why.isEmpty());
        QCOMPARE(changed.count(), 0);
        QCOMPARE(store.profiles().size(), 2);
    }

    void acceptedUrls_data()
    {
        QTest::addColumn<QString>("url");
        QTest::newRow("https") << QStringLiteral("https://public-api.etoro.com");
        QTest::newRow("https with path") << QStringLiteral("https://example.org/etoro/");
        QTest::newRow("loopback http") << QStringLiteral("http://127.0.0.1:8080");
        QTest::newRow("localhost http") << QStringLiteral("http://localhost:9000");
        QTest::newRow("ipv6 loopback") << QStringLiteral("http://[::1]:9000");
    }

    void acceptedUrls()
    {
        QFETCH(QString, url);
        QCOMPARE(ProfileStore::checkBaseUrl(QUrl(url)), QString());
    }

    void activeProfile()
    {
        const QString ini = freshIni();
        ProfileStore store(ini);
        QSignalSpy active(&store, &ProfileStore::activeProfileChanged);
        const auto work = store.add(real(QStringLiteral("Work")));
        QVERIFY(work);
        QVERIFY(!store.setActiveProfileId(QStringLiteral("unknown")));
        QCOMPARE(active.count(), 0);
        QVERIFY(store.setActiveProfileId(work->id));
        QCOMPARE(active.count(), 1);
        QCOMPARE(active.at(0).at(0).toString(), work->id);
        QCOMPARE(ProfileStore(ini).activeProfileId(), work->id);

        // Removing the active profile makes the sandbox active.
        QVERIFY(store.remove(work->id));
        QCOMPARE(active.count(), 2);
        QCOMPARE(active.at(1).at(0).toString(), QStringLiteral("sandbox"));
        QCOMPARE(store.activeProfileId(), QStringLiteral("sandbox"));
        QCOMPARE(ProfileStore(ini).activeProfileId(), QStringLiteral("sandbox"));
    }
};

QTEST_GUILESS_MAIN(tst_ProfileStore)
#include "tst_profilestore.moc"
