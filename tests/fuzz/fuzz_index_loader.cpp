// The index file's reader. PortfolioIndex::parse (what load() does with the file's bytes) on
// every input: a file it accepts, saved again, reads back to the same data and the same bytes.
// One input in 32 (picked by its content, so a reproducer reproduces) also goes through the
// real start-up reading of a file, preload, lock and all: closing the file watcher's inotify
// descriptor takes ~15 ms, too slow for every input. There a newer file is never written and a
// corrupt one is set aside whole.

#include "fuzzcommon.h"
#include "store/indexpreload.h"
#include "store/portfolioindex.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>

using namespace agentfolio;

namespace {

const QDir &scratch()
{
    static QTemporaryDir dir;
    static const QDir path(dir.path());
    FUZZ_CHECK(dir.isValid(), "a scratch directory");
    return path;
}

QByteArray contentOf(const QString &path)
{
    QFile file(path);
    FUZZ_CHECK(file.open(QIODevice::ReadOnly), "the file can be read");
    return file.readAll();
}

void write(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    FUZZ_CHECK(file.open(QIODevice::WriteOnly | QIODevice::Truncate), "the file can be written");
    FUZZ_CHECK(file.write(bytes) == bytes.size(), "the file is written whole");
}

using Snapshot = QMap<QString, QList<IndexedPortfolio>>;

Snapshot snapshot(const PortfolioIndex &index)
{
    Snapshot result;
    for (const QString &profile : index.profileIds())
        result.insert(profile, index.portfolios(profile));
    return result;
}

// A change that changes nothing, to make the index save what it holds.
bool saveAgain(PortfolioIndex &index, const QString &profile)
{
    return index.removePortfolio(profile, QStringLiteral("no-such-portfolio-\x01"));
}

void checkAccepted(PortfolioIndex &index, const QString &path, const QByteArray &bytes)
{
    FUZZ_CHECK(!index.isReadOnly() && !index.hasUnsavedChanges(), "an accepted index is writable");
    FUZZ_CHECK(index.status().message.isEmpty(), "an Ok status has no message");
    FUZZ_CHECK(contentOf(path) == bytes, "loading does not write");
    const Snapshot loaded = snapshot(index);
    if (loaded.isEmpty())
        return; // nothing to save without adding a profile
    FUZZ_CHECK(saveAgain(index, loaded.firstKey()), "an accepted index saves");
    FUZZ_CHECK(snapshot(index) == loaded, "saving changes nothing");
    const QByteArray saved = contentOf(path);

    PortfolioIndex reread(path);
    reread.setLockTimeout(std::chrono::milliseconds(0));
    FUZZ_CHECK(reread.load(), "a saved index loads");
    FUZZ_CHECK(snapshot(reread) == loaded, "a saved index loads back to the same data");
    // And saving is a fixed point: the same data, the same bytes.
    FUZZ_CHECK(saveAgain(reread, loaded.firstKey()), "a reloaded index saves");
    FUZZ_CHECK(contentOf(path) == saved, "saving the same data writes the same bytes");
}

void checkParse(const QByteArray &bytes)
{
    using Outcome = PortfolioIndex::ReadOutcome;
    PortfolioIndex::Profiles profiles;
    QString detail;
    const Outcome outcome = PortfolioIndex::parse(bytes, &profiles, &detail);
    FUZZ_CHECK(outcome == Outcome::Ok || outcome == Outcome::Corrupt || outcome == Outcome::Newer,
               "content is Ok, Corrupt or Newer");
    if (outcome == Outcome::Corrupt) {
        FUZZ_CHECK(!detail.isEmpty(), "a corrupt file says why");
        FUZZ_CHECK(profiles.isEmpty(), "nothing is read from a corrupt file");
        return;
    }
    if (outcome == Outcome::Newer) {
        bool number = false;
        FUZZ_CHECK(detail.toInt(&number) > PortfolioIndex::FormatVersion && number,
                   "a newer file gives its version");
        return;
    }
    FUZZ_CHECK(detail.isEmpty(), "an accepted file has no complaint");
    // The reader of files as written, and the general one, make the same of an accepted
    // file: a root member only the general reader accepts (and ignores) sends it there.
    if (bytes.startsWith('{')) {
        PortfolioIndex::Profiles general;
        QString why;
        const Outcome generalOutcome =
            PortfolioIndex::parse(QByteArray(bytes).insert(1, "\"zz-unknown\":0,"), &general, &why);
        FUZZ_CHECK(generalOutcome == Outcome::Ok && general == profiles,
                   "both readers make the same of an accepted file");
    }
    for (auto it = profiles.cbegin(); it != profiles.cend(); ++it) {
        for (const IndexedPortfolio &p : it.value()) {
            FUZZ_CHECK(!p.id.isEmpty(), "a portfolio has an id");
            for (const IndexedToken &t : p.tokens)
                FUZZ_CHECK(!t.token.id.isEmpty(), "a token has an id");
        }
    }
    const QByteArray saved = PortfolioIndex::serialize(profiles);
    PortfolioIndex::Profiles reread;
    QString why;
    FUZZ_CHECK(PortfolioIndex::parse(saved, &reread, &why) == Outcome::Ok,
               "a saved index reads back");
    FUZZ_CHECK(reread == profiles, "a saved index reads back to the same data");
    FUZZ_CHECK(PortfolioIndex::serialize(reread) == saved,
               "saving the same data writes the same bytes");
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    fuzz::initQt(argc, argv);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    checkParse(bytes);
    if (qChecksum(bytes) % 32 != 0 && !qEnvironmentVariableIsSet("FUZZ_INDEX_ALWAYS_LOAD"))
        return 0;

    const QDir &dir = scratch();
    for (const QString &name : dir.entryList(QDir::Files | QDir::Hidden))
        QFile::remove(dir.filePath(name));
    const QString path = dir.filePath(QStringLiteral("index.json"));
    write(path, bytes);

    // As the app starts: the file read on a thread first, then taken by load().
    IndexPreload preload(path);
    PortfolioIndex index(path);
    index.setLockTimeout(std::chrono::milliseconds(0));
    const bool ok = index.load(&preload);
    const IndexStatus status = index.status();
    FUZZ_CHECK(ok == status.isOk(), "load() says what the status says");
    switch (status.kind) {
    case IndexStatus::Kind::Ok:
        checkAccepted(index, path, bytes);
        break;
    case IndexStatus::Kind::NewerVersion: {
        FUZZ_CHECK(index.isReadOnly(), "a newer index is read-only");
        FUZZ_CHECK(!status.message.isEmpty(), "the status explains itself");
        IndexedToken token;
        token.token.id = QStringLiteral("fuzz-token");
        FUZZ_CHECK(!index.upsertToken(QStringLiteral("p"), QStringLiteral("q"), token),
                   "a change to a newer index is not saved");
        FUZZ_CHECK(index.token(QStringLiteral("p"), QStringLiteral("q"), token.token.id),
                   "but it is kept in memory");
        FUZZ_CHECK(contentOf(path) == bytes, "a newer index is never written");
        break;
    }
    case IndexStatus::Kind::CorruptMovedAside:
        FUZZ_CHECK(!index.isReadOnly(), "a new index is begun");
        FUZZ_CHECK(index.profileIds().isEmpty(), "the new index is empty");
        FUZZ_CHECK(!status.message.isEmpty(), "the status explains itself");
        FUZZ_CHECK(!QFile::exists(path), "the corrupt file is moved");
        FUZZ_CHECK(contentOf(status.movedAsidePath) == bytes, "it is kept whole");
        break;
    case IndexStatus::Kind::ReadFailed:
    case IndexStatus::Kind::WriteFailed:
        FUZZ_CHECK(false, "a readable file with a free lock loads, or is set aside");
        break;
    }
    return 0;
}
