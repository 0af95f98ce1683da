#include "store/portfolioindex.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLockFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <csignal>
#include <sys/resource.h>

using namespace agentfolio;

namespace {

// JSON written with single quotes, for readability (and because moc trips over raw strings).
QByteArray json(const char *singleQuoted)
{
    return QByteArray(singleQuoted).replace('\'', '"');
}

const QString Profile1 = QStringLiteral("main");

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

void writeAll(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    QCOMPARE(file.write(bytes), bytes.size());
}

UserToken userToken(const QString &id, const QString &name = QStringLiteral("token"))
{
    UserToken t;
    t.id = id;
    t.name = name;
    t.clientId = QStringLiteral("client-") + id;
    t.scopeIds = { 200, 202 };
    t.ipsWhitelist = { QStringLiteral("192.168.1.1") };
    return t;
}

IndexedPortfolio fullPortfolio(const QString &id)
{
    IndexedPortfolio p;
    p.id = id;
    p.name = QStringLiteral("MyPort1");
    p.gcid = 12345678;
    p.virtualBalance = Money::fromCents(1'000'000);
    p.mirrorId = 12345;
    p.investment = Money::fromCents(200'050);
    p.description = QStringLiteral("My trading portfolio — ünïcode");
    p.createdAt = QDateTime(QDate(2025, 3, 4), QTime(5, 6, 7, 89), Qt::UTC);
    p.createdByRequestId = QUuid(QStringLiteral("{8486c781-c1e6-484f-8816-b195f3af7be3}"));
    IndexedToken stored {
        userToken(QStringLiteral("t1"), QStringLiteral("first")), true, false, false, {}
    };
    stored.token.expiresAt = QDateTime(QDate(2026, 12, 31), QTime(23, 59, 59), Qt::UTC);
    stored.token.createdAt = QDateTime(QDate(2025, 3, 4), QTime(5, 6, 8), Qt::UTC);
    IndexedToken notStored {
        userToken(QStringLiteral("t2"), QStringLiteral("second")), false, true, true, {}
    };
    notStored.token.ipsWhitelist.clear();
    p.tokens = { stored, notStored };
    return p;
}

Portfolio serverPortfolio(const QString &id, const QList<UserToken> &tokens)
{
    Portfolio p;
    p.id = id;
    p.name = QStringLiteral("Srv-") + id;
    p.gcid = 42;
    p.virtualBalance = Money::fromCents(1'000'000);
    p.mirrorId = 7;
    p.tokens = tokens;
    return p;
}

QStringList names(std::initializer_list<const char *> list)
{
    QStringList result;
    for (const char *name : list)
        result.append(QLatin1String(name));
    return result;
}

// Limits the size of files this process may write, so that a write fails part-way, as a
// full disk or a crash would make it. Works as root too, unlike a read-only directory.
class FileSizeLimit
{
public:
    explicit FileSizeLimit(rlim_t bytes)
    {
        ::signal(SIGXFSZ, SIG_IGN); // fail the write with EFBIG instead of killing us
        ::getrlimit(RLIMIT_FSIZE, &m_saved);
        rlimit limited = m_saved;
        limited.rlim_cur = bytes;
        m_ok = ::setrlimit(RLIMIT_FSIZE, &limited) == 0;
    }
    ~FileSizeLimit() { ::setrlimit(RLIMIT_FSIZE, &m_saved); }
    bool ok() const { return m_ok; }

private:
    rlimit m_saved {};
    bool m_ok = false;
};

} // namespace

class tst_PortfolioIndex : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir *m_dir = nullptr;
    QString path() const { return m_dir->filePath(QStringLiteral("data/index.json")); }

private Q_SLOTS:
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

    void defaultPathIsInAppData()
    {
        QVERIFY(PortfolioIndex::defaultPath().endsWith(QStringLiteral("/index.json")));
    }

    void missingFileIsEmpty()
    {
        PortfolioIndex index(path());
        QVERIFY(index.load());
        QVERIFY(index.status().isOk());
        QVERIFY(!index.isReadOnly());
        QVERIFY(index.portfolios(Profile1).isEmpty());
        QVERIFY(!QFile::exists(path())); // nothing written until there is something to write
    }

    void roundTrip()
    {
        const IndexedPortfolio full = fullPortfolio(QStringLiteral("p1"));
        IndexedPortfolio minimal;
        minimal.id = QStringLiteral("p2");
        {
            PortfolioIndex index(path());
            index.load();
            QSignalSpy changed(&index, &PortfolioIndex::changed);
            QVERIFY(index.upsertPortfolio(Profile1, full));
            QVERIFY(index.upsertPortfolio(QStringLiteral("other"), minimal));
            QVERIFY(changed.count() >= 2);
            QVERIFY(!index.hasUnsavedChanges());
        }
        PortfolioIndex reread(path());
        QVERIFY(reread.load());
        QCOMPARE(reread.profileIds(), QStringList({ Profile1, QStringLiteral("other") }));
        QCOMPARE(reread.portfolios(Profile1).size(), 1);
        QVERIFY(reread.portfolios(Profile1).first() == full);
        QVERIFY(reread.portfolio(QStringLiteral("other"), QStringLiteral("p2")) == minimal);
        QVERIFY(!reread.portfolio(QStringLiteral("other"), QStringLiteral("p2"))->investment);

        // The file says what it is and which version wrote it.
        const QJsonObject root = QJsonDocument::fromJson(readAll(path())).object();
        QCOMPARE(root.value(QStringLiteral("format")).toString(),
                 QStringLiteral("agentfolio-index"));
        QCOMPARE(root.value(QStringLiteral("version")).toInt(), PortfolioIndex::FormatVersion);
    }

    // Tokens with equal scopes or allowed addresses share one list in memory once read
    // (10,000 tokens hold a megabyte less), and each still changes on its own.
    void equalListsReadAsOneSharedList()
    {
        IndexedPortfolio portfolio = fullPortfolio(QStringLiteral("p"));
        portfolio.tokens.clear();
        constexpr int Tokens = 40; // more distinct lists than the reader remembers
        for (int i = 0; i < Tokens; ++i) {
            IndexedToken t { userToken(QStringLiteral("t%1").arg(i)), false, false, false, {} };
            if (i % 2)
                t.token.scopeIds = { 200, i };
            if (i % 3 == 0)
                t.token.ipsWhitelist = { QStringLiteral("10.0.0.%1").arg(i) };
            portfolio.tokens.append(t);
        }
        const QByteArray written = PortfolioIndex::serialize({ { Profile1, { portfolio } } });
        {
            PortfolioIndex index(path());
            QVERIFY(index.upsertPortfolio(Profile1, portfolio));
        }
        PortfolioIndex::Profiles read;
        QString detail;
        QCOMPARE(PortfolioIndex::parse(written, &read, &detail), PortfolioIndex::ReadOutcome::Ok);
        QList<IndexedToken> tokens = read.value(Profile1).constFirst().tokens;
        QVERIFY(tokens == portfolio.tokens);
        // Even tokens: the default scopes {200, 202}; tokens not divisible by 3: one address.
        QVERIFY(tokens[0].token.scopeIds.isSharedWith(tokens[2].token.scopeIds));
        QVERIFY(tokens[2].token.scopeIds.isSharedWith(tokens[Tokens - 2].token.scopeIds));
        QVERIFY(!tokens[1].token.scopeIds.isSharedWith(tokens[3].token.scopeIds));
        QVERIFY(tokens[1].token.ipsWhitelist.isSharedWith(tokens[Tokens - 2].token.ipsWhitelist));
        QVERIFY(!tokens[0].token.ipsWhitelist.isSharedWith(tokens[3].token.ipsWhitelist));

        tokens[0].token.scopeIds.append(201);
        QCOMPARE(tokens[0].token.scopeIds, QList<int>({ 200, 202, 201 }));
        QCOMPARE(tokens[2].token.scopeIds, QList<int>({ 200, 202 }));

        // The index read from the file, as the app reads it, changes one token alone too:
        // t1 and t2 share the one-address list.
        PortfolioIndex index(path());
        QVERIFY(index.load());
        const QString portfolioId = QStringLiteral("p");
        QVERIFY(
            index.token(Profile1, portfolioId, QStringLiteral("t1"))
                ->token.ipsWhitelist.isSharedWith(
                    index.token(Profile1, portfolioId, QStringLiteral("t2"))->token.ipsWhitelist));
        IndexedToken changed = *index.token(Profile1, portfolioId, QStringLiteral("t1"));
        changed.token.ipsWhitelist.append(QStringLiteral("192.0.2.7"));
        QVERIFY(index.upsertToken(Profile1, portfolioId, changed));
        const QStringList one { QStringLiteral("192.168.1.1") };
        QCOMPARE(index.token(Profile1, portfolioId, QStringLiteral("t1"))->token.ipsWhitelist,
                 one + QStringList { QStringLiteral("192.0.2.7") });
        QCOMPARE(index.token(Profile1, portfolioId, QStringLiteral("t2"))->token.ipsWhitelist, one);
        PortfolioIndex reread(path());
        QVERIFY(reread.load());
        QCOMPARE(reread.token(Profile1, portfolioId, QStringLiteral("t2"))->token.ipsWhitelist,
                 one);
        QCOMPARE(reread.token(Profile1, portfolioId, QStringLiteral("t4"))->token.ipsWhitelist,
                 one);
    }

    // Only these members exist: there is no place for a secret in the file.
    void fileHoldsNoSecretFields()
    {
        PortfolioIndex index(path());
        QVERIFY(index.upsertPortfolio(Profile1, fullPortfolio(QStringLiteral("p1"))));
        const QJsonObject root = QJsonDocument::fromJson(readAll(path())).object();
        const QJsonObject portfolio =
            root[QStringLiteral("profiles")][Profile1][QStringLiteral("portfolios")][0].toObject();
        QCOMPARE(portfolio.keys(),
                 names({ "createdAt", "createdByRequestId", "description", "gcid", "goneFromServer",
                         "id", "investmentCents", "mirrorId", "name", "tokens",
                         "virtualBalanceCents" }));
        const QJsonObject token = portfolio[QStringLiteral("tokens")][0].toObject();
        QCOMPARE(token.keys(),
                 names({ "clientId", "createdAt", "expiresAt", "goneFromServer", "id",
                         "ipsWhitelist", "name", "revoked", "scopeIds", "secretStored" }));
    }

    void upsertKeepsWhatOnlyWeKnow()
    {
        PortfolioIndex index(path());
        const IndexedPortfolio full = fullPortfolio(QStringLiteral("p1"));
        QVERIFY(index.upsertPortfolio(Profile1, full));
        IndexedPortfolio partial;
        partial.id = full.id;
        partial.name = QStringLiteral("Renamed");
        partial.tokens = { IndexedToken {
            userToken(QStringLiteral("t3")), true, false, false, {} } };
        QVERIFY(index.upsertPortfolio(Profile1, partial));
        const auto p = index.portfolio(Profile1, full.id);
        QVERIFY(p);
        QCOMPARE(p->name, QStringLiteral("Renamed"));
        QVERIFY(p->investment == full.investment);
        QCOMPARE(p->description, full.description);
        QCOMPARE(p->createdByRequestId, full.createdByRequestId);
        QCOMPARE(p->tokens.size(), 3);

        QVERIFY(index.setSecretStored(Profile1, full.id, QStringLiteral("t2"), true));
        QVERIFY(index.token(Profile1, full.id, QStringLiteral("t2"))->secretStored);
        QVERIFY(index.setRevoked(Profile1, full.id, QStringLiteral("t1")));
        QVERIFY(index.token(Profile1, full.id, QStringLiteral("t1"))->revoked);
        QVERIFY(index.removeToken(Profile1, full.id, QStringLiteral("t3")));
        QVERIFY(!index.token(Profile1, full.id, QStringLiteral("t3")));

        // A token for a portfolio not known yet gets a placeholder portfolio.
        QVERIFY(index.upsertToken(
            Profile1, QStringLiteral("unknown"),
            IndexedToken { userToken(QStringLiteral("t9")), true, false, false, {} }));
        QVERIFY(index.token(Profile1, QStringLiteral("unknown"), QStringLiteral("t9")));
        QVERIFY(index.removePortfolio(Profile1, QStringLiteral("unknown")));
        QVERIFY(!index.portfolio(Profile1, QStringLiteral("unknown")));

        PortfolioIndex reread(path());
        QVERIFY(reread.load());
        QVERIFY(reread.portfolios(Profile1) == index.portfolios(Profile1));
    }

    // A write that fails part-way leaves the previous file whole, and the change is kept
    // and saved with the next write.
    void failedWriteKeepsPreviousFile()
    {
        PortfolioIndex index(path());
        QVERIFY(index.upsertPortfolio(Profile1, fullPortfolio(QStringLiteral("p1"))));
        const QByteArray before = readAll(path());
        QVERIFY(before.size() < 4000);

        IndexedPortfolio big = fullPortfolio(QStringLiteral("p2"));
        big.description = QString(20'000, QLatin1Char('d'));
        QSignalSpy status(&index, &PortfolioIndex::statusChanged);
        {
            FileSizeLimit limit(4096);
            QVERIFY(limit.ok());
            QVERIFY(!index.upsertPortfolio(Profile1, big));
        }
        QCOMPARE(readAll(path()), before);
        QCOMPARE(index.status().kind, IndexStatus::Kind::WriteFailed);
        QVERIFY(index.status().message.contains(QDir::toNativeSeparators(path())));
        QCOMPARE(status.count(), 1);
        QVERIFY(index.hasUnsavedChanges());
        QVERIFY(index.portfolio(Profile1, QStringLiteral("p2"))); // shown meanwhile
        // No temporary file left behind.
        QCOMPARE(QDir(QFileInfo(path()).absolutePath()).entryList(QDir::Files),
                 QStringList { QStringLiteral("index.json") });

        QVERIFY(index.flush());
        QVERIFY(index.status().isOk());
        QVERIFY(!index.hasUnsavedChanges());
        PortfolioIndex reread(path());
        QVERIFY(reread.load());
        QVERIFY(reread.portfolio(Profile1, QStringLiteral("p2")) == big);
    }

    void unwritablePath()
    {
        // The parent "directory" is a file: nothing can be written there.
        const QString blocker = m_dir->filePath(QStringLiteral("blocker"));
        writeAll(blocker, "not a directory");
        PortfolioIndex index(blocker + QStringLiteral("/index.json"));
        index.setLockTimeout(std::chrono::milliseconds(100));
        index.load();
        QVERIFY(!index.upsertPortfolio(Profile1, fullPortfolio(QStringLiteral("p1"))));
        QCOMPARE(index.status().kind, IndexStatus::Kind::WriteFailed);
        QVERIFY(index.portfolio(Profile1, QStringLiteral("p1")));
        QCOMPARE(readAll(blocker), QByteArray("not a directory"));
    }

    // Files this version writes are read by a reader of their own (no QJsonDocument in
    // between, for start-up time); anything it is not sure of goes to the general reader.
    // Both must make the same of every file: an unknown root member (which only the general
    // reader accepts, and ignores) makes the second reading go the general way.
    void bothReadersAgree_data()
    {
        QTest::addColumn<QByteArray>("content");
        PortfolioIndex::Profiles profiles;
        IndexedPortfolio ascii = fullPortfolio(QStringLiteral("p1"));
        ascii.description = QStringLiteral("a \"quoted\" \\ line\nnext\ttab / slash \b\f\r");
        ascii.tokens[0].handOffOwner = QStringLiteral("owner-1");
        ascii.tokens[1].token.createdAt = QDateTime(QDate(1970, 1, 1), QTime(0, 0), Qt::UTC);
        IndexedPortfolio bare;
        bare.id = QStringLiteral("p2");
        bare.gcid = -5;
        bare.virtualBalance = Money::fromCents(Money::MaxCents);
        profiles.insert(Profile1, { ascii, bare });
        profiles.insert(QStringLiteral("other"), {});
        const QByteArray written = PortfolioIndex::serialize(profiles);
        QTest::newRow("as written") << written;
        QTest::newRow("indented, as older versions wrote")
            << QJsonDocument::fromJson(written).toJson(QJsonDocument::Indented);
        QTest::newRow("non-ascii")
            << PortfolioIndex::serialize({ { Profile1, { fullPortfolio(QStringLiteral("p")) } } });
        const auto withPortfolio = [](const char *members) {
            return json("{'format':'agentfolio-index','version':1,'profiles':{'main':{'"
                        "portfolios':[{'id':'p',")
                + json(members) + "}]}}}";
        };
        QTest::newRow("date without ms") << withPortfolio("'createdAt':'2026-01-15T09:00:00Z'");
        QTest::newRow("date with offset")
            << withPortfolio("'createdAt':'2026-01-15T10:00:00.000+01:00'");
        QTest::newRow("date not in calendar")
            << withPortfolio("'createdAt':'2026-02-30T00:00:00.000Z'");
        QTest::newRow("date hour 24") << withPortfolio("'createdAt':'2026-01-15T24:00:00.000Z'");
        QTest::newRow("empty date") << withPortfolio("'createdAt':''");
        QTest::newRow("null members")
            << withPortfolio("'name':null,'gcid':null,'investmentCents':null,'tokens':null");
        QTest::newRow("exponent") << withPortfolio("'investmentCents':1e3");
        QTest::newRow("integral fraction") << withPortfolio("'gcid':12.0");
        QTest::newRow("minus zero") << withPortfolio("'gcid':-0");
        QTest::newRow("16 digits") << withPortfolio("'mirrorId':1234567890123456");
        QTest::newRow("leading zero") << withPortfolio("'gcid':012");
        QTest::newRow("negative cents") << withPortfolio("'investmentCents':-1");
        QTest::newRow("repeated member") << withPortfolio("'name':'a','name':'b'");
        QTest::newRow("unicode escape") << withPortfolio("'name':'caf\\u00e9'");
        QTest::newRow("utf-8") << withPortfolio("'name':'caf\xc3\xa9'");
        QTest::newRow("utf-8 with escapes")
            << withPortfolio("'name':'\\\"caf\xc3\xa9\\\" \xf0\x9f\x93\x88'");
        QTest::newRow("byte order mark") << withPortfolio("'name':'\xef\xbb\xbfx'");
        QTest::newRow("byte order mark and an escape")
            << withPortfolio("'name':'\xef\xbb\xbfx\\ny'");
        QTest::newRow("latin-1, not utf-8") << withPortfolio("'name':'caf\xe9'");
        QTest::newRow("overlong utf-8") << withPortfolio("'name':'\xc0\xaf'");
        QTest::newRow("utf-8 surrogate") << withPortfolio("'name':'\xed\xa0\x80'");
        QTest::newRow("utf-8 cut short") << withPortfolio("'name':'\xe2\x82'");
        QTest::newRow("utf-8 beyond unicode") << withPortfolio("'name':'\xf4\x90\x80\x80'");
        QTest::newRow("noncharacter") << withPortfolio("'name':'\xef\xbf\xbe'");
        QTest::newRow("control character") << withPortfolio("'name':'a\tb'");
        QTest::newRow("bad escape") << withPortfolio("'name':'a\\qb'");
        QTest::newRow("bad uuid") << withPortfolio("'createdByRequestId':'nope'");
        QTest::newRow("empty id") << json(
            "{'format':'agentfolio-index','version':1,'profiles':{'main':{'"
            "portfolios':[{'id':''}]}}}");
        QTest::newRow("scope not an int")
            << withPortfolio("'tokens':[{'id':'t','scopeIds':[1.5]}]");
        QTest::newRow("scope too big")
            << withPortfolio("'tokens':[{'id':'t','scopeIds':[4294967296]}]");
        QTest::newRow("ip not a string")
            << withPortfolio("'tokens':[{'id':'t','ipsWhitelist':[1]}]");
        QTest::newRow("bool as string") << withPortfolio("'goneFromServer':'true'");
        QTest::newRow("unknown member") << withPortfolio("'colour':'red'");
        QTest::newRow("newer version")
            << json("{'format':'agentfolio-index','version':2,'profiles':{'main':{'"
                    "portfolios':[{'id':'p'}]}}}");
        QTest::newRow("version 1.0") << json("{'format':'agentfolio-index','version':1.0}");
        QTest::newRow("no profiles") << json("{'format':'agentfolio-index','version':1}");
        QTest::newRow("null profiles")
            << json("{'format':'agentfolio-index','version':1,'profiles':null}");
        QTest::newRow("repeated profile")
            << json("{'format':'agentfolio-index','version':1,'profiles':{'a':{},'a':{}}}");
        // Strings are read eight bytes at a time, the last few bytes of the file one by
        // one. What needs a closer look (an escape, a control character, DEL, a byte past
        // ASCII) at every position of an 18-byte value, that value cut short at the end of
        // the file, and plain values of every length up to 16, so that their end falls at
        // every place of a word and of the file's last bytes. Member names with such bytes
        // are never ours: the fast reader must give them up, not take them.
        const QByteArray head = json("{'format':'agentfolio-index','version':1,'profiles':{'"
                                     "main':{'portfolios':[{'id':'p','name':'");
        const QByteArray tail = json("'}]}}}");
        const QList<QByteArray> specials = { "\\\"", "\\\\",     "\\n",  "\\u0041", "\t",
                                             "\x7f", "\xc3\xa9", "\xe9", "\x01" };
        for (const QByteArray &special : specials) {
            for (int at = 0; at <= 17; ++at) {
                const QByteArray text = QByteArray(at, 'a') + special + QByteArray(17 - at, 'b');
                const QByteArray name =
                    "special " + special.toHex() + " at " + QByteArray::number(at);
                QTest::newRow(name.constData()) << head + text + tail;
                QTest::newRow(("cut after " + name).constData()) << head + text;
                QTest::newRow(("member " + name).constData())
                    << json("{'format':'agentfolio-index','version':1,'profiles':{'main':{'"
                            "portfolios':[{'id':'p','")
                        + text + json("':1}]}}}");
            }
        }
        for (int length = 0; length <= 16; ++length) {
            const QByteArray text(length, 'x');
            QTest::newRow(("plain, " + QByteArray::number(length)).constData())
                << head + text + tail;
            QTest::newRow(("plain, cut, " + QByteArray::number(length)).constData()) << head + text;
        }
        QTest::newRow("garbage after") << written + "x";
        QTest::newRow("white space after") << written + " \r\n\t";
        QTest::newRow("truncated") << written.left(written.size() / 2);
    }

    void bothReadersAgree()
    {
        QFETCH(QByteArray, content);
        QVERIFY(content.startsWith('{'));
        QByteArray general = content;
        general.insert(1, "\"zz-unknown\":0,");

        PortfolioIndex::Profiles fast;
        QString fastDetail;
        const auto fastOutcome = PortfolioIndex::parse(content, &fast, &fastDetail);
        PortfolioIndex::Profiles slow;
        QString slowDetail;
        const auto slowOutcome = PortfolioIndex::parse(general, &slow, &slowDetail);
        QCOMPARE(int(fastOutcome), int(slowOutcome));
        QCOMPARE(fastDetail, slowDetail);
        QCOMPARE(fast.keys(), slow.keys());
        QVERIFY(fast == slow);
    }

    // A date with no four-digit year in UTC (a hand-edited one: nothing we write has one)
    // cannot be written back, so it is read as absent, by both readers: neither a reason to
    // set the file aside nor a value that would silently vanish at the next write.
    void datesNoFourDigitYearWritesReadAsAbsent_data()
    {
        QTest::addColumn<QByteArray>("date");
        QTest::addColumn<bool>("kept");
        QTest::newRow("past 9999 in UTC") << QByteArray("9999-12-31T23:59:59-01:00") << false;
        QTest::newRow("before year 1 in UTC") << QByteArray("0001-01-01T00:30:00+01:00") << false;
        QTest::newRow("last hour of 9999 in UTC")
            << QByteArray("9999-12-31T22:59:59-01:00") << true;
    }

    void datesNoFourDigitYearWritesReadAsAbsent()
    {
        QFETCH(QByteArray, date);
        QFETCH(bool, kept);
        const QByteArray content =
            json("{'format':'agentfolio-index','version':1,'profiles':{'main':{'portfolios':"
                 "[{'id':'p','createdAt':'")
            + date + json("','tokens':[{'id':'t','createdAt':'") + date + json("','expiresAt':'")
            + date + json("'}]}]}}}");
        // As written (the fast reader), and with an unknown member (the general one).
        for (const QByteArray &variant :
             { content, QByteArray(content).insert(1, json("'zz-unknown':0,")) }) {
            PortfolioIndex::Profiles profiles;
            QString detail;
            QCOMPARE(int(PortfolioIndex::parse(variant, &profiles, &detail)),
                     int(PortfolioIndex::ReadOutcome::Ok));
            const QList<IndexedPortfolio> portfolios = profiles.value(QStringLiteral("main"));
            QCOMPARE(portfolios.size(), 1);
            QCOMPARE(portfolios.at(0).tokens.size(), 1);
            const UserToken &token = portfolios.at(0).tokens.at(0).token;
            QCOMPARE(portfolios.at(0).createdAt.has_value(), kept);
            QCOMPARE(token.createdAt.has_value(), kept);
            QCOMPARE(token.expiresAt.has_value(), kept);
            // Written and read again, nothing changes.
            PortfolioIndex::Profiles again;
            QCOMPARE(
                int(PortfolioIndex::parse(PortfolioIndex::serialize(profiles), &again, &detail)),
                int(PortfolioIndex::ReadOutcome::Ok));
            QVERIFY(again == profiles);
        }
    }

    // Written compactly now; indented files from older versions load as before, and the
    // first change rewrites them compactly.
    void olderIndentedFileLoads()
    {
        const PortfolioIndex::Profiles profiles { { Profile1,
                                                    { fullPortfolio(QStringLiteral("p1")) } } };
        const QByteArray indented = QJsonDocument::fromJson(PortfolioIndex::serialize(profiles))
                                        .toJson(QJsonDocument::Indented);
        QVERIFY(indented.contains('\n'));
        QDir().mkpath(QFileInfo(path()).absolutePath());
        writeAll(path(), indented);
        PortfolioIndex index(path());
        QVERIFY(index.load());
        QVERIFY(index.portfolios(Profile1) == profiles.value(Profile1));
        QVERIFY(index.setRevoked(Profile1, QStringLiteral("p1"), QStringLiteral("t1")));
        const QByteArray rewritten = readAll(path());
        QVERIFY(!rewritten.contains('\n'));
        QCOMPARE(QJsonDocument::fromJson(rewritten).object().value(QStringLiteral("version")),
                 QJsonValue(PortfolioIndex::FormatVersion));
    }

    void corruptFile_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::newRow("garbage") << QByteArray("\x00\x01garbage\xff", 11);
        QTest::newRow("truncated")
            << json("{'format':'agentfolio-index','version':1,'profiles':{'main':{'portf");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("array") << QByteArray("[1,2,3]");
        QTest::newRow("other format") << json("{'format':'something-else','version':1}");
        QTest::newRow("no version") << json("{'format':'agentfolio-index'}");
        QTest::newRow("version zero") << json("{'format':'agentfolio-index','version':0}");
        QTest::newRow("portfolio without id")
            << json("{'format':'agentfolio-index','version':1,'profiles':{'main':{'"
                    "portfolios':[{'name':'x'}]}}}");
        QTest::newRow("gcid not a number")
            << json("{'format':'agentfolio-index','version':1,'profiles':{'main':{'"
                    "portfolios':[{'id':'p','gcid':'12'}]}}}");
        QTest::newRow("fractional cents")
            << json("{'format':'agentfolio-index','version':1,'profiles':{'main':{'"
                    "portfolios':[{'id':'p','investmentCents':1.5}]}}}");
        QTest::newRow("bad date") << json(
            "{'format':'agentfolio-index','version':1,'profiles':{'main':{'portfolios':[{'id':"
            "'p','createdAt':'yesterday'}]}}}");
        QTest::newRow("token not an object")
            << json("{'format':'agentfolio-index','version':1,'profiles':{'main':{'"
                    "portfolios':[{'id':'p','tokens':[3]}]}}}");
    }

    // Set aside whole (never trimmed), the user told where, and the app goes on.
    void corruptFile()
    {
        QFETCH(QByteArray, content);
        QDir().mkpath(QFileInfo(path()).absolutePath());
        writeAll(path(), content);

        PortfolioIndex index(path());
        QSignalSpy status(&index, &PortfolioIndex::statusChanged);
        QVERIFY(!index.load());
        QCOMPARE(index.status().kind, IndexStatus::Kind::CorruptMovedAside);
        QCOMPARE(status.count(), 1);
        const QString aside = index.status().movedAsidePath;
        QVERIFY(aside.startsWith(path() + QStringLiteral(".corrupt-")));
        QCOMPARE(readAll(aside), content);
        QVERIFY(index.status().message.contains(QDir::toNativeSeparators(aside)));
        QVERIFY(!index.isReadOnly());
        QVERIFY(index.portfolios(QStringLiteral("main")).isEmpty());

        // And the index works on.
        QVERIFY(index.upsertPortfolio(Profile1, fullPortfolio(QStringLiteral("p1"))));
        PortfolioIndex reread(path());
        QVERIFY(reread.load());
        QCOMPARE(reread.portfolios(Profile1).size(), 1);
        QCOMPARE(readAll(aside), content);
    }

    // The file turns unreadable while we run: it is set aside, and what we knew is not lost.
    void corruptedWhileRunning()
    {
        PortfolioIndex index(path());
        QVERIFY(index.upsertPortfolio(Profile1, fullPortfolio(QStringLiteral("p1"))));
        writeAll(path(), "scribbled over");
        IndexedPortfolio second;
        second.id = QStringLiteral("p2");
        QVERIFY(index.upsertPortfolio(Profile1, second));
        QCOMPARE(index.status().kind, IndexStatus::Kind::CorruptMovedAside);
        QCOMPARE(readAll(index.status().movedAsidePath), QByteArray("scribbled over"));
        PortfolioIndex reread(path());
        QVERIFY(reread.load());
        QVERIFY(reread.portfolio(Profile1, QStringLiteral("p1"))
                == fullPortfolio(QStringLiteral("p1")));
        QVERIFY(reread.portfolio(Profile1, QStringLiteral("p2")));
    }

    void twoCorruptionsKeepBothCopies()
    {
        QDir().mkpath(QFileInfo(path()).absolutePath());
        writeAll(path(), "first bad");
        PortfolioIndex first(path());
        first.load();
        writeAll(path(), "second bad");
        PortfolioIndex second(path());
        second.load();
        QVERIFY(first.status().movedAsidePath != second.status().movedAsidePath);
        QCOMPARE(readAll(first.status().movedAsidePath), QByteArray("first bad"));
        QCOMPARE(readAll(second.status().movedAsidePath), QByteArray("second bad"));
    }

    // A newer format is shown if it can be read, and never overwritten.
    void newerVersionIsReadOnly()
    {
        QDir().mkpath(QFileInfo(path()).absolutePath());
        const QByteArray newer = json("{'format':'agentfolio-index','version':99, "
                                      "'profiles':{'main':{'portfolios':[{'id':'p-new','name':'"
                                      "FromTheFuture'}]}}, 'somethingNew':{'x':1}}");
        writeAll(path(), newer);

        PortfolioIndex index(path());
        QVERIFY(!index.load());
        QCOMPARE(index.status().kind, IndexStatus::Kind::NewerVersion);
        QVERIFY(index.isReadOnly());
        QVERIFY(!index.status().message.isEmpty());
        QCOMPARE(index.portfolios(Profile1).size(), 1);
        QCOMPARE(index.portfolios(Profile1).first().name, QStringLiteral("FromTheFuture"));

        QVERIFY(!index.upsertPortfolio(Profile1, fullPortfolio(QStringLiteral("p1"))));
        QVERIFY(!index.mergeServerList(Profile1, {}));
        QCOMPARE(readAll(path()), newer);
        // Kept in memory for this session.
        QVERIFY(index.portfolio(Profile1, QStringLiteral("p1")));
        QVERIFY(index.hasUnsavedChanges());
    }

    // Two instances on one file: neither loses the other's change.
    void twoInstances()
    {
        PortfolioIndex a(path());
        PortfolioIndex b(path());
        QVERIFY(a.load());
        QVERIFY(b.load());
        QSignalSpy aChanged(&a, &PortfolioIndex::changed);

        QVERIFY(a.upsertPortfolio(Profile1, fullPortfolio(QStringLiteral("from-a"))));
        // b has not seen a's change when it writes its own: it re-reads under the lock.
        IndexedPortfolio fromB;
        fromB.id = QStringLiteral("from-b");
        QVERIFY(b.upsertPortfolio(Profile1, fromB));
        QCOMPARE(b.portfolios(Profile1).size(), 2);

        PortfolioIndex reread(path());
        QVERIFY(reread.load());
        QCOMPARE(reread.portfolios(Profile1).size(), 2);

        // a learns of b's change through the file watcher.
        aChanged.clear();
        QTRY_VERIFY_WITH_TIMEOUT(a.portfolio(Profile1, QStringLiteral("from-b")).has_value(),
                                 10'000);
        QVERIFY(aChanged.count() >= 1);

        // Changes to the same portfolio from both sides are both kept.
        QVERIFY(a.setSecretStored(Profile1, QStringLiteral("from-a"), QStringLiteral("t2"), true));
        QVERIFY(b.setRevoked(Profile1, QStringLiteral("from-a"), QStringLiteral("t1")));
        reread.load();
        const auto p = reread.portfolio(Profile1, QStringLiteral("from-a"));
        QVERIFY(p->token(QStringLiteral("t2"))->secretStored);
        QVERIFY(p->token(QStringLiteral("t1"))->revoked);
    }

    // At quit: no more watching, even after a write, and nothing is lost by it.
    void stopWatchingKeepsSaving()
    {
        PortfolioIndex a(path());
        PortfolioIndex b(path());
        QVERIFY(a.upsertPortfolio(Profile1, fullPortfolio(QStringLiteral("from-a"))));
        QVERIFY(b.load());
        a.stopWatching();
        QSignalSpy aChanged(&a, &PortfolioIndex::changed);
        IndexedPortfolio fromB;
        fromB.id = QStringLiteral("from-b");
        QVERIFY(b.upsertPortfolio(Profile1, fromB));
        QTest::qWait(300);
        QCOMPARE(aChanged.count(), 0);
        QVERIFY(!a.portfolio(Profile1, QStringLiteral("from-b")));

        // A change of its own still re-reads the file under the lock: b's is kept.
        IndexedPortfolio second;
        second.id = QStringLiteral("second-from-a");
        QVERIFY(a.upsertPortfolio(Profile1, second));
        QVERIFY(a.portfolio(Profile1, QStringLiteral("from-b")));
        aChanged.clear();
        IndexedPortfolio third;
        third.id = QStringLiteral("third-from-b");
        QVERIFY(b.upsertPortfolio(Profile1, third));
        QTest::qWait(300);
        QCOMPARE(aChanged.count(), 0); // the write did not watch again
        PortfolioIndex reread(path());
        QVERIFY(reread.load());
        QCOMPARE(reread.portfolios(Profile1).size(), 4);
    }

    // Another instance holds the lock too long: the change waits in memory, then is saved.
    void lockHeldElsewhere()
    {
        PortfolioIndex index(path());
        index.setLockTimeout(std::chrono::milliseconds(200));
        QVERIFY(index.upsertPortfolio(Profile1, fullPortfolio(QStringLiteral("p1"))));
        const QByteArray before = readAll(path());

        QLockFile other(path() + QStringLiteral(".lock"));
        QVERIFY(other.tryLock(0));
        IndexedPortfolio second;
        second.id = QStringLiteral("p2");
        QVERIFY(!index.upsertPortfolio(Profile1, second));
        QCOMPARE(index.status().kind, IndexStatus::Kind::WriteFailed);
        QVERIFY(index.hasUnsavedChanges());
        QVERIFY(index.portfolio(Profile1, QStringLiteral("p2")));
        QCOMPARE(readAll(path()), before);
        other.unlock();

        IndexedPortfolio third;
        third.id = QStringLiteral("p3");
        QVERIFY(index.upsertPortfolio(Profile1, third));
        QVERIFY(index.status().isOk());
        PortfolioIndex reread(path());
        QVERIFY(reread.load());
        QCOMPARE(reread.portfolios(Profile1).size(), 3);
    }

    void serverMerge()
    {
        PortfolioIndex index(path());
        IndexedPortfolio known = fullPortfolio(QStringLiteral("p1")); // tokens t1 (stored), t2
        known.tokens[1].goneFromServer = false;
        IndexedPortfolio localOnly;
        localOnly.id = QStringLiteral("p2");
        localOnly.name = QStringLiteral("LocalOnly");
        QVERIFY(index.upsertPortfolio(Profile1, known));
        QVERIFY(index.upsertPortfolio(Profile1, localOnly));
        IndexedPortfolio otherProfile;
        otherProfile.id = QStringLiteral("elsewhere");
        QVERIFY(index.upsertPortfolio(QStringLiteral("other"), otherProfile));

        UserToken t1 = userToken(QStringLiteral("t1"), QStringLiteral("renamed-on-server"));
        t1.scopeIds = { 201 };
        const QList<Portfolio> server {
            serverPortfolio(QStringLiteral("p1"), { t1, userToken(QStringLiteral("t3")) }),
            serverPortfolio(QStringLiteral("p3"), { userToken(QStringLiteral("t4")) }),
        };
        IndexMergeSummary summary;
        QVERIFY(index.mergeServerList(Profile1, server, &summary));
        QCOMPARE(summary, (IndexMergeSummary { 1, 1, 2, 1 }));

        const auto p1 = index.portfolio(Profile1, QStringLiteral("p1"));
        QCOMPARE(p1->name, QStringLiteral("Srv-p1"));
        QVERIFY(p1->investment == known.investment); // only we know it: kept
        QCOMPARE(p1->description, known.description);
        QCOMPARE(p1->createdByRequestId, known.createdByRequestId);
        QVERIFY(!p1->goneFromServer);
        QCOMPARE(p1->token(QStringLiteral("t1"))->token.name, QStringLiteral("renamed-on-server"));
        QCOMPARE(p1->token(QStringLiteral("t1"))->token.scopeIds, QList<int> { 201 });
        QVERIFY(p1->token(QStringLiteral("t1"))->secretStored); // kept
        QVERIFY(p1->token(QStringLiteral("t2"))->goneFromServer); // marked, not deleted
        QVERIFY(!p1->token(QStringLiteral("t3"))->secretStored); // new: no secret here
        QVERIFY(!p1->token(QStringLiteral("t3"))->goneFromServer);

        const auto p2 = index.portfolio(Profile1, QStringLiteral("p2"));
        QVERIFY(p2);
        QVERIFY(p2->goneFromServer);
        QCOMPARE(p2->name, QStringLiteral("LocalOnly"));

        const auto p3 = index.portfolio(Profile1, QStringLiteral("p3"));
        QVERIFY(p3);
        QVERIFY(!p3->investment);
        QVERIFY(!p3->token(QStringLiteral("t4"))->secretStored);

        // Other profiles are untouched.
        QVERIFY(
            !index.portfolio(QStringLiteral("other"), QStringLiteral("elsewhere"))->goneFromServer);

        // Merging the same list again changes nothing; a portfolio that comes back is unmarked.
        QVERIFY(index.mergeServerList(Profile1, server, &summary));
        QCOMPARE(summary, IndexMergeSummary());
        QList<Portfolio> withP2 = server;
        withP2.append(serverPortfolio(QStringLiteral("p2"), {}));
        QVERIFY(index.mergeServerList(Profile1, withP2, &summary));
        QVERIFY(!index.portfolio(Profile1, QStringLiteral("p2"))->goneFromServer);

        // An empty list marks everything gone and deletes nothing.
        QVERIFY(index.mergeServerList(Profile1, {}, &summary));
        QCOMPARE(summary.portfoliosGone, 3);
        QCOMPARE(index.portfolios(Profile1).size(), 3);

        PortfolioIndex reread(path());
        QVERIFY(reread.load());
        QVERIFY(reread.portfolios(Profile1) == index.portfolios(Profile1));
    }
};

QTEST_GUILESS_MAIN(tst_PortfolioIndex)
#include "tst_portfolioindex.moc"
