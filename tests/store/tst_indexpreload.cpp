#include "store/indexpreload.h"
#include "store/portfolioindex.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#ifdef Q_OS_UNIX
#include <sys/time.h>
#endif

using namespace agentfolio;

namespace {

const QString Profile1 = QStringLiteral("main");

void writeAll(const QString &path, const QByteArray &bytes)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    QCOMPARE(file.write(bytes), bytes.size());
}

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// Enough portfolios that the file spans several progress steps, so the reader hands pages
// back while it still has text ahead of it.
PortfolioIndex::Profiles manyPortfolios(int count)
{
    PortfolioIndex::Profiles profiles;
    for (int i = 0; i < count; ++i) {
        IndexedPortfolio portfolio;
        portfolio.id = QStringLiteral("portfolio-%1").arg(i);
        portfolio.name = QStringLiteral("Agent № %1 — ünïcode").arg(i);
        portfolio.gcid = 1000 + i;
        portfolio.virtualBalance = Money::fromCents(1'000'000 + i);
        portfolio.investment = Money::fromCents(200'000 + i);
        portfolio.createdAt = QDateTime(QDate(2026, 1, 1), QTime(0, 0), Qt::UTC).addSecs(i);
        for (int t = 0; t < 3; ++t) {
            IndexedToken token;
            token.token.id = QStringLiteral("token-%1-%2").arg(i).arg(t);
            token.token.name = QStringLiteral("token %1").arg(t);
            token.token.clientId = QStringLiteral("client-%1-%2").arg(i).arg(t);
            token.token.scopeIds = { 200, 202 };
            token.token.ipsWhitelist = { QStringLiteral("192.0.2.%1").arg(t + 1) };
            token.secretStored = t != 2;
            portfolio.tokens.append(token);
        }
        profiles[i % 3 == 0 ? QStringLiteral("other") : Profile1].append(portfolio);
    }
    return profiles;
}

} // namespace

class tst_IndexPreload : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir *m_dir = nullptr;
    QString path() const { return m_dir->filePath(QStringLiteral("data/index.json")); }

    // What load() alone makes of the file: what a start with a preload must equal.
    static PortfolioIndex::Profiles loadedAlone(const QString &path)
    {
        PortfolioIndex index(path);
        index.load();
        PortfolioIndex::Profiles profiles;
        for (const QString &profile : index.profileIds())
            profiles.insert(profile, index.portfolios(profile));
        return profiles;
    }
    static PortfolioIndex::Profiles contents(const PortfolioIndex &index)
    {
        PortfolioIndex::Profiles profiles;
        for (const QString &profile : index.profileIds())
            profiles.insert(profile, index.portfolios(profile));
        return profiles;
    }

private Q_SLOTS:
    void initTestCase()
    {
#ifndef Q_OS_LINUX
        QSKIP("the index is preloaded on Linux only");
#endif
    }
    void init()
    {
        m_dir = new QTemporaryDir;
        QVERIFY(m_dir->isValid());
    }
    void cleanup()
    {
        delete m_dir;
        m_dir = nullptr;
    }

    // A file as the index writes it is read on the thread, and load() takes that reading.
    void readsWhatLoadReads()
    {
        const PortfolioIndex::Profiles written = manyPortfolios(1500);
        writeAll(path(), PortfolioIndex::serialize(written));
        QVERIFY(QFileInfo(path()).size() > 4 * PortfolioIndex::ProgressStep);

        IndexPreload preload(path());
        QVERIFY(preload.hasRead());
        PortfolioIndex index(path());
        QVERIFY(index.load(&preload));
        QVERIFY(!preload.hasRead()); // taken, once
        QVERIFY(index.status().isOk());
        QVERIFY(contents(index) == written);
        QVERIFY(contents(index) == loadedAlone(path()));

        // The content id it took is the file's: a change made elsewhere is still noticed,
        // and the unchanged file is not reloaded.
        QSignalSpy changed(&index, &PortfolioIndex::changed);
        index.reload();
        QCOMPARE(changed.count(), 0);
        PortfolioIndex other(path());
        QVERIFY(other.load());
        QVERIFY(
            other.setRevoked(Profile1, QStringLiteral("portfolio-1"), QStringLiteral("token-1-0")));
        index.reload();
        QCOMPARE(changed.count(), 1);
        QVERIFY(index.token(Profile1, QStringLiteral("portfolio-1"), QStringLiteral("token-1-0"))
                    ->revoked);
    }

    // Taking what the preload read writes nothing, not even the lock file (QLockFile syncs it
    // to disk, a cost before the window shows), and the index still notices a change made
    // elsewhere afterwards.
    void takingThePreloadWritesNothing_data()
    {
        QTest::addColumn<bool>("fileExists");
        QTest::newRow("file as written") << true;
        QTest::newRow("no file yet") << false;
    }
    void takingThePreloadWritesNothing()
    {
#ifndef Q_OS_UNIX
        QSKIP("sets the folder's time with utimes()");
#else
        QFETCH(bool, fileExists);
        const QString folder = QFileInfo(path()).absolutePath();
        QVERIFY(QDir().mkpath(folder));
        if (fileExists)
            writeAll(path(), PortfolioIndex::serialize(manyPortfolios(3)));
        // Any file made or removed in the folder would set its time to now.
        const timeval old[2] = { { 946'684'800, 0 }, { 946'684'800, 0 } }; // 2000-01-01
        QCOMPARE(::utimes(QFile::encodeName(folder).constData(), old), 0);
        const QDateTime before = QFileInfo(folder).lastModified();
        QCOMPARE(before.toSecsSinceEpoch(), 946'684'800);

        IndexPreload preload(path());
        QVERIFY(preload.hasRead());
        PortfolioIndex index(path());
        QVERIFY(index.load(&preload));
        QVERIFY(!preload.hasRead()); // taken
        QCOMPARE(QFileInfo(folder).lastModified(), before);
        QCOMPARE(QDir(folder).entryList(QDir::Files),
                 fileExists ? QStringList { QStringLiteral("index.json") } : QStringList());

        QSignalSpy changed(&index, &PortfolioIndex::changed);
        PortfolioIndex other(path());
        QVERIFY(other.load());
        IndexedPortfolio added;
        added.id = QStringLiteral("added-elsewhere");
        QVERIFY(other.upsertPortfolio(Profile1, added));
        QTRY_VERIFY(index.portfolio(Profile1, QStringLiteral("added-elsewhere")));
        QVERIFY(changed.count() >= 1);
#endif
    }

    void missingFileIsAnEmptyIndex()
    {
        IndexPreload preload(path());
        QVERIFY(preload.hasRead());
        PortfolioIndex index(path());
        QVERIFY(index.load(&preload));
        QVERIFY(index.profileIds().isEmpty());
        QVERIFY(!QFile::exists(path()));
    }

    // The file changed between the reading and load(): load() reads it again.
    void fileChangedSinceIsReadAgain_data()
    {
        QTest::addColumn<bool>("replaced"); // as the index writes, or rewritten in place
        QTest::newRow("replaced by another instance") << true;
        QTest::newRow("rewritten in place, same size") << false;
    }
    void fileChangedSinceIsReadAgain()
    {
        QFETCH(bool, replaced);
        PortfolioIndex::Profiles profiles = manyPortfolios(4);
        writeAll(path(), PortfolioIndex::serialize(profiles));
        IndexPreload preload(path());
        QVERIFY(preload.hasRead());

        profiles[Profile1][0].name = QStringLiteral("Renamed");
        if (replaced) {
            PortfolioIndex other(path());
            QVERIFY(other.load());
            QVERIFY(other.upsertPortfolio(Profile1, profiles[Profile1][0]));
        } else {
            // Same length, so only the times tell the files apart.
            const QByteArray name = QStringLiteral("Agent № 1 — ünïcode").toUtf8();
            const QByteArray renamed = QByteArray("Renamed").leftJustified(name.size(), ' ');
            QByteArray bytes = readAll(path());
            const qsizetype size = bytes.size();
            bytes.replace(name, renamed);
            QCOMPARE(bytes.size(), size);
            writeAll(path(), bytes);
            profiles[Profile1][0].name = QString::fromUtf8(renamed);
        }
        PortfolioIndex index(path());
        QVERIFY(index.load(&preload));
        QCOMPARE(index.portfolio(Profile1, QStringLiteral("portfolio-1"))->name,
                 profiles[Profile1][0].name);
        QVERIFY(contents(index) == loadedAlone(path()));
    }

    void fileCreatedSinceIsRead()
    {
        IndexPreload preload(path());
        QVERIFY(preload.hasRead());
        writeAll(path(), PortfolioIndex::serialize(manyPortfolios(2)));
        PortfolioIndex index(path());
        QVERIFY(index.load(&preload));
        QCOMPARE(index.portfolios(Profile1).size(), 1);
    }

    // Older versions wrote the index indented.
    void indentedFileIsPreloaded()
    {
        const PortfolioIndex::Profiles written = manyPortfolios(5);
        writeAll(path(),
                 QJsonDocument::fromJson(PortfolioIndex::serialize(written))
                     .toJson(QJsonDocument::Indented));
        IndexPreload preload(path());
        QVERIFY(preload.hasRead());
        PortfolioIndex index(path());
        QVERIFY(index.load(&preload));
        QVERIFY(contents(index) == written);
    }

    // What the fast reader does not take is left to load(), which says what is wrong
    // exactly as it does without a preload.
    void otherFilesAreLeftToLoad_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<IndexStatus::Kind>("status");
        const QByteArray written = PortfolioIndex::serialize(manyPortfolios(5));
        QTest::newRow("unknown member, hand-edited")
            << QByteArray(written).insert(1, "\"comment\":\"mine\",") << IndexStatus::Kind::Ok;
        QTest::newRow("empty") << QByteArray() << IndexStatus::Kind::CorruptMovedAside;
        QTest::newRow("cut short")
            << written.left(written.size() / 2) << IndexStatus::Kind::CorruptMovedAside;
        QTest::newRow("garbage") << QByteArray("\x00\xff{", 3)
                                 << IndexStatus::Kind::CorruptMovedAside;
        QTest::newRow("newer version") << QByteArray(written).replace(
            "\"version\":" + QByteArray::number(PortfolioIndex::FormatVersion) + "}",
            "\"version\":99}") << IndexStatus::Kind::NewerVersion;
    }
    void otherFilesAreLeftToLoad()
    {
        QFETCH(QByteArray, content);
        QFETCH(IndexStatus::Kind, status);
        writeAll(path(), content);
        IndexPreload preload(path());
        QVERIFY(!preload.hasRead());
        PortfolioIndex index(path());
        index.load(&preload);
        QCOMPARE(index.status().kind, status);
        if (status == IndexStatus::Kind::CorruptMovedAside) {
            QCOMPARE(readAll(index.status().movedAsidePath), content);
            QVERIFY(index.profileIds().isEmpty());
        } else {
            QVERIFY(contents(index) == loadedAlone(path()));
            QVERIFY(!index.profileIds().isEmpty());
        }
    }

    void directoryInsteadOfFileIsLeftToLoad()
    {
        QVERIFY(QDir().mkpath(path()));
        IndexPreload preload(path());
        QVERIFY(!preload.hasRead());
        PortfolioIndex index(path());
        QVERIFY(!index.load(&preload));
        QVERIFY(!index.status().isOk());
    }

    // A preload of another file is not taken for this one.
    void otherPathIsIgnored()
    {
        writeAll(path(), PortfolioIndex::serialize(manyPortfolios(2)));
        IndexPreload preload(m_dir->filePath(QStringLiteral("elsewhere.json")));
        PortfolioIndex index(path());
        QVERIFY(index.load(&preload));
        QCOMPARE(index.portfolios(Profile1).size(), 1);
        QVERIFY(preload.hasRead()); // still there, untaken
    }
};

QTEST_GUILESS_MAIN(tst_IndexPreload)
#include "tst_indexpreload.moc"
