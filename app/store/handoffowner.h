#pragma once

#include <QString>
#include <memory>

class QLockFile;

namespace agentfolio {

// Tells whether the Agentfolio that began a token's hand-off is still running.
//
// Each running Agentfolio, from its first hand-off on, holds a lock file named after a
// random id in a directory beside the index, and writes that id into the index entries
// it is handing off. A hand-off still marked with the id of an Agentfolio that is gone
// was interrupted (a crash, a kill, a power cut); one marked with the id of a running
// Agentfolio is that Agentfolio's business. QLockFile knows which: a lock file whose
// process is gone is stale.
class HandOffOwner
{
public:
    explicit HandOffOwner(const QString &directory);
    ~HandOffOwner();
    HandOffOwner(const HandOffOwner &) = delete;
    HandOffOwner &operator=(const HandOffOwner &) = delete;

    // This Agentfolio's id; takes its lock file on first use. Empty if the lock cannot be
    // taken (say, the directory is not writable): another Agentfolio could not tell this
    // one is running, and would take its hand-offs for interrupted ones, so the caller
    // marks nothing. That is logged.
    QString id();
    // False when `ownerId` belongs to an Agentfolio that is no longer running: its lock
    // file is gone (it quit), or nobody holds it any more (it crashed).
    bool isRunning(const QString &ownerId) const;
    // Where the lock files are.
    QString directory() const { return m_directory; }

private:
    QString lockPath(const QString &ownerId) const;

    QString m_directory;
    QString m_id; // empty until the lock is ours
    bool m_triedLock = false;
    std::unique_ptr<QLockFile> m_lock;
};

} // namespace agentfolio
