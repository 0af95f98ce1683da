#pragma once

#include "domain/money.h"
#include "domain/portfolio.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QMap>
#include <QObject>
#include <QString>
#include <QUuid>
#include <chrono>
#include <functional>
#include <optional>

class QFileSystemWatcher;
class QTimer;

namespace agentfolio {

class IndexPreload;

// A token as the index records it: what the server says, plus what only we know.
// Never its secret: that is in the keychain under SecretKeys::tokenKey(profile, id).
struct IndexedToken
{
    UserToken token;
    bool secretStored = false; // the secret was written to the keychain
    bool revoked = false; // revoked through this app
    bool goneFromServer = false; // the last server list did not include it
    // Set while a hand-off is writing the secret to the keychain: the id of the running
    // Agentfolio doing it (see HandOffOwner). Still set when that Agentfolio is gone means
    // it stopped midway: the secret may or may not be in the keychain (see TokenHandOff).
    QString handOffOwner;

    bool operator==(const IndexedToken &) const = default;
};

// A portfolio as the index records it. Some facts exist only here: the server's list does
// not return the investment, the description or the request that created it.
struct IndexedPortfolio
{
    QString id; // agentPortfolioId
    QString name;
    qint64 gcid = 0;
    Money virtualBalance;
    qint64 mirrorId = 0;
    std::optional<Money> investment; // unknown for portfolios learned from the server list
    QString description;
    std::optional<QDateTime> createdAt; // UTC
    QUuid createdByRequestId; // null when not created by this app (or not known)
    bool goneFromServer = false; // the last server list did not include it
    QList<IndexedToken> tokens;

    // The server's facts; tokens without secrets.
    static IndexedPortfolio fromPortfolio(const Portfolio &portfolio);
    const IndexedToken *token(const QString &tokenId) const;

    bool operator==(const IndexedPortfolio &) const = default;
};

// What the index wants the user to know.
struct IndexStatus
{
    Q_DECLARE_TR_FUNCTIONS(IndexStatus)
public:
    enum class Kind {
        Ok,
        CorruptMovedAside, // the file was unreadable; kept at movedAsidePath, a new one begun
        NewerVersion, // written by a newer Agentfolio: shown, never overwritten (read-only)
        ReadFailed, // the file exists but cannot be read (or set aside): read-only
        WriteFailed, // a change could not be saved; it is kept in memory and retried
    };

    Kind kind = Kind::Ok;
    QString message; // a translated sentence naming the file; empty for Ok
    QString movedAsidePath; // for CorruptMovedAside

    bool isOk() const { return kind == Kind::Ok; }
    static QString kindName(Kind kind);
};

// What merging a server list changed.
struct IndexMergeSummary
{
    int portfoliosAdded = 0;
    int portfoliosGone = 0; // newly marked goneFromServer
    int tokensAdded = 0;
    int tokensGone = 0; // newly marked goneFromServer

    bool operator==(const IndexMergeSummary &) const = default;
};

// The versioned JSON record of every portfolio and token per profile: the keychain
// cannot be listed, so this is how the app knows which secrets it holds. No secret is
// ever written to it.
//
// Durability: every change is written with QSaveFile (a crash mid-write leaves the
// previous file intact). Several running instances share the file: every change takes
// a QLockFile, re-reads the file, applies the change to what it read, and writes; and
// a change made elsewhere is picked up (QFileSystemWatcher) and announced by changed().
// A change that cannot be saved stays in memory and is applied again with the next one.
class PortfolioIndex : public QObject
{
    Q_OBJECT
public:
    static constexpr int FormatVersion = 1;
    static constexpr std::chrono::milliseconds DefaultLockTimeout { 5'000 };

    // QStandardPaths::AppDataLocation + "/index.json".
    static QString defaultPath();

    explicit PortfolioIndex(QObject *parent = nullptr);
    explicit PortfolioIndex(const QString &path, QObject *parent = nullptr);
    ~PortfolioIndex() override;

    QString path() const { return m_path; }
    void setLockTimeout(std::chrono::milliseconds timeout) { m_lockTimeout = timeout; }

    // Reads the file (a missing file is an empty index). Returns false when status() has
    // a problem to show; the index is usable either way.
    bool load() { return load(nullptr); }
    // The same, taking what `preload` read on its thread when the file has not changed
    // since (see IndexPreload).
    bool load(IndexPreload *preload);
    // Re-reads the file if another instance changed it; emits changed() if so.
    void reload();
    // Stops noticing changes made elsewhere, for good (changes made here are still saved,
    // re-reading the file under the lock as always): for the app's quit. The kernel lets go
    // of a watch only after a grace period, several milliseconds on a busy machine, and
    // closing the watcher waits for it; begun at once, that wait overlaps with the rest of
    // the shutdown instead of following it.
    void stopWatching();

    IndexStatus status() const { return m_status; }
    // Newer version, or unreadable: changes are kept in memory only.
    bool isReadOnly() const { return m_readOnly; }
    // Changes made but not yet saved (write failed, lock busy, read-only).
    bool hasUnsavedChanges() const { return !m_unsaved.isEmpty(); }

    QStringList profileIds() const { return m_profiles.keys(); }
    QList<IndexedPortfolio> portfolios(const QString &profileId) const;
    std::optional<IndexedPortfolio> portfolio(const QString &profileId,
                                              const QString &portfolioId) const;
    std::optional<IndexedToken> token(const QString &profileId, const QString &portfolioId,
                                      const QString &tokenId) const;

    // Each change returns true when it is saved to disk. Either way it is visible at once.

    // Adds the portfolio, or updates it: its fields are replaced (optional facts only when
    // given) and its tokens added or replaced by id; tokens not mentioned are kept.
    bool upsertPortfolio(const QString &profileId, const IndexedPortfolio &portfolio);
    // Adds or replaces one token. An unknown portfolio is added with only its id, to be
    // completed by the next server list.
    bool upsertToken(const QString &profileId, const QString &portfolioId,
                     const IndexedToken &token);
    bool setSecretStored(const QString &profileId, const QString &portfolioId,
                         const QString &tokenId, bool stored);
    // Ends a token's hand-off: records whether its secret is in the keychain and clears
    // its handOffOwner, in one change.
    bool settleHandOff(const QString &profileId, const QString &portfolioId, const QString &tokenId,
                       bool secretStored);
    bool setRevoked(const QString &profileId, const QString &portfolioId, const QString &tokenId);
    // For an explicit user action (the portfolio was deleted through the API).
    bool removePortfolio(const QString &profileId, const QString &portfolioId);
    bool removeToken(const QString &profileId, const QString &portfolioId, const QString &tokenId);
    // The server's list for a profile: unknown portfolios and tokens are added without
    // secrets; known ones get the server's facts; ones the server no longer lists are
    // marked goneFromServer, never deleted.
    bool mergeServerList(const QString &profileId, const QList<Portfolio> &server,
                         IndexMergeSummary *summary = nullptr);
    // Tries again to save changes that could not be saved.
    bool flush();

    using Profiles = QMap<QString, QList<IndexedPortfolio>>;
    enum class ReadOutcome { Missing, Ok, Corrupt, Newer, IoError };
    // What reading makes of a file's content (Ok, Corrupt with *detail, or Newer), and the
    // content writing saves: no lock, watcher or disk, so the format can be fuzzed alone.
    static ReadOutcome parse(const QByteArray &bytes, Profiles *profiles, QString *detail);
    static QByteArray serialize(const Profiles &profiles);
    // How often, in bytes, the readers below tell a `progress` callback how far they got.
    static constexpr qsizetype ProgressStep = qsizetype(256) * 1024;

Q_SIGNALS:
    void changed();
    void statusChanged(const agentfolio::IndexStatus &status);

private:
    using Change = std::function<void(Profiles &)>;
    // What tells the file's content apart from what we last read or wrote: its size and
    // a hash, rather than a copy of megabytes kept for a whole session.
    struct ContentId
    {
        qsizetype size = 0;
        quint64 hash = 0;
        static ContentId of(QByteArrayView bytes,
                            const std::function<void(qsizetype)> &progress = {});
        bool operator==(const ContentId &) const = default;
    };

    friend class IndexPreload;
    // The fast reader alone: the profiles of a file as serialize() writes it, or nullopt
    // (then parse() reads it and says what is wrong).
    static std::optional<Profiles> readAsWritten(QByteArrayView bytes,
                                                 const std::function<void(qsizetype)> &progress);

    bool modify(Change change);
    ReadOutcome readFile(Profiles *profiles, ContentId *content, QString *detail) const;
    // parse(), freeing `bytes` as soon as their JSON is parsed: the text, the parsed JSON
    // and the index read from it are never all in memory at once.
    static ReadOutcome parseReleasing(QByteArray &bytes, Profiles *profiles, QString *detail);
    // Handles what readFile found; returns false when the file must not be overwritten.
    bool accept(ReadOutcome outcome, const QString &detail, bool lockHeld);
    // load()'s end: what was read becomes the index (accept() says what is wrong with it).
    void adopt(ReadOutcome outcome, Profiles &&profiles, ContentId content, const QString &detail,
               bool lockHeld);
    bool announceLoaded();
    bool moveAside();
    bool writeFile(const Profiles &profiles);
    void setStatus(IndexStatus::Kind kind, const QString &message,
                   const QString &movedAsidePath = QString());
    void watch();

    QString m_path;
    Profiles m_profiles;
    QList<Change> m_unsaved;
    ContentId m_lastContent; // the file's content as last read or written
    IndexStatus m_status;
    bool m_readOnly = false;
    std::chrono::milliseconds m_lockTimeout = DefaultLockTimeout;
    QFileSystemWatcher *m_watcher = nullptr;
    QTimer *m_reloadTimer = nullptr;
    bool m_watchStopped = false;
};

} // namespace agentfolio
