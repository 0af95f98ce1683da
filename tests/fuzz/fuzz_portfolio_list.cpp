// ApiJson::parsePortfolioList: the list call, and what the index makes of it.

#include "apiwire.h"
#include "fuzzcommon.h"
#include "store/portfolioindex.h"

#include <QFile>
#include <QTemporaryDir>

using namespace agentfolio;

namespace {

QByteArray toWire(const QList<Portfolio> &portfolios)
{
    QJsonArray array;
    for (const Portfolio &portfolio : portfolios) {
        QJsonObject object = fuzz::portfolioToWire(portfolio);
        QJsonArray tokens;
        for (const UserToken &token : portfolio.tokens)
            tokens.append(fuzz::tokenToWire(token));
        object.insert(QStringLiteral("userTokens"), tokens);
        array.append(object);
    }
    return fuzz::toBytes(QJsonObject { { QStringLiteral("agentPortfolios"), array } });
}

QTemporaryDir *scratch()
{
    static QTemporaryDir dir;
    FUZZ_CHECK(dir.isValid(), "a scratch directory");
    return &dir;
}

// Whatever the server lists, the index records and reads back unchanged: a list that
// parses but makes the index unreadable would cost the user the whole index.
void checkIndexKeeps(const QList<Portfolio> &portfolios)
{
    const QString path = scratch()->filePath(QStringLiteral("index.json"));
    QFile::remove(path);
    const QString profile = QStringLiteral("fuzz-profile");
    {
        PortfolioIndex index(path);
        index.setLockTimeout(std::chrono::milliseconds(0));
        index.load();
        FUZZ_CHECK(index.mergeServerList(profile, portfolios), "the index saves a server list");
    }
    PortfolioIndex reread(path);
    reread.setLockTimeout(std::chrono::milliseconds(0));
    FUZZ_CHECK(reread.load(), "the index a server list was saved to loads");
    FUZZ_CHECK(reread.status().kind == IndexStatus::Kind::Ok, "and its status is Ok");
    // Ids listed twice merge into one entry: compare field by field only when ids are unique.
    QStringList ids;
    for (const Portfolio &portfolio : portfolios) {
        if (ids.contains(portfolio.id))
            return;
        ids.append(portfolio.id);
        QStringList tokenIds;
        for (const UserToken &token : portfolio.tokens) {
            if (tokenIds.contains(token.id))
                return;
            tokenIds.append(token.id);
        }
    }
    QList<Portfolio> readBack;
    for (const IndexedPortfolio &stored : reread.portfolios(profile)) {
        Portfolio p;
        p.id = stored.id;
        p.name = stored.name;
        p.gcid = stored.gcid;
        p.virtualBalance = stored.virtualBalance;
        p.mirrorId = stored.mirrorId;
        p.createdAt = stored.createdAt;
        for (const IndexedToken &t : stored.tokens)
            p.tokens.append(t.token);
        readBack.append(p);
    }
    FUZZ_CHECK(readBack == portfolios, "the index reads back what the server listed");
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    fuzz::initQt(argc, argv);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray body(reinterpret_cast<const char *>(data), qsizetype(size));
    QString error;
    const auto list = ApiJson::parsePortfolioList(body, &error);
    if (!list) {
        FUZZ_CHECK(!error.isEmpty(), "a refused answer says why");
        return 0;
    }
    FUZZ_CHECK(error.isEmpty(), "never both a list and an error");
    for (const Portfolio &portfolio : *list) {
        FUZZ_CHECK(!portfolio.id.isEmpty(), "a listed portfolio has an id");
        for (const UserToken &token : portfolio.tokens)
            FUZZ_CHECK(fuzz::tokenIsWellFormed(token), "a listed token is well formed");
    }

    QString again;
    const auto reparsed = ApiJson::parsePortfolioList(toWire(*list), &again);
    FUZZ_CHECK(reparsed.has_value() && again.isEmpty(), "a parsed list re-parses");
    FUZZ_CHECK(*reparsed == *list, "the list survives a round trip");

    // Through the index's files for one list in 16 (picked by content, so a reproducer
    // reproduces): closing a file watcher takes ~15 ms, too slow for every input.
    if (qChecksum(body) % 16 == 0 || qEnvironmentVariableIsSet("FUZZ_INDEX_ALWAYS_LOAD"))
        checkIndexKeeps(*list);
    return 0;
}
