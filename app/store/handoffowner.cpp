#include "store/handoffowner.h"

#include "store/storelog.h"

#include <QDir>
#include <QFileInfo>
#include <QLockFile>
#include <QUuid>

namespace agentfolio {

namespace {

// Ids are ours (QUuid without braces); anything else in an index entry is not a file name
// to be trusted.
bool isOwnerId(const QString &id)
{
    return !QUuid::fromString(id).isNull() && !id.contains(QLatin1Char('/'));
}

} // namespace

HandOffOwner::HandOffOwner(const QString &directory)
    : m_directory(directory)
{ }

HandOffOwner::~HandOffOwner() = default; // the lock file goes with m_lock

QString HandOffOwner::id()
{
    if (m_lock)
        return m_id;
    if (m_triedLock)
        return {};
    m_triedLock = true;
    const QString id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    if (!QDir().mkpath(m_directory)) {
        qCWarning(lcStore) << "hand-off owner: cannot create" << m_directory
                           << "; hand-offs are not marked, so a crash would go unreported";
        return {};
    }
    auto lock = std::make_unique<QLockFile>(lockPath(id));
    // Only a gone process makes the lock stale, never its age: a hand-off may be pending
    // for as long as the app runs.
    lock->setStaleLockTime(0);
    if (!lock->tryLock(0)) {
        qCWarning(lcStore) << "hand-off owner: cannot take" << lockPath(id) << "(error"
                           << int(lock->error())
                           << "); hand-offs are not marked, so a crash would go unreported";
        return {};
    }
    m_lock = std::move(lock);
    m_id = id;
    return m_id;
}

bool HandOffOwner::isRunning(const QString &ownerId) const
{
    if (ownerId.isEmpty())
        return false;
    if (ownerId == m_id)
        return true;
    if (!isOwnerId(ownerId))
        return false; // no Agentfolio wrote this: nobody is running it
    const QString path = lockPath(ownerId);
    // A running Agentfolio keeps its lock file until it quits; one that quit removed it.
    if (!QFileInfo::exists(path))
        return false;
    QLockFile lock(path);
    lock.setStaleLockTime(0);
    // Taking it succeeds when the lock is stale: its process is gone. The taken lock is
    // released (and its file removed) when `lock` goes out of scope.
    if (lock.tryLock(0))
        return false;
    if (lock.error() != QLockFile::LockFailedError) {
        // Permissions, I/O: we cannot tell, so we leave the hand-off to its owner rather
        // than risk declaring a running one's token lost.
        return true;
    }
    // The process id in the file is alive. That may be another process with the same id:
    // in a PID namespace (Flatpak) every Agentfolio runs as the same small number, so a
    // crashed one looks alive to the next. The owner also holds an OS lock on the file
    // for as long as it runs, which dies with it: removeStaleLockFile() succeeds only
    // when nobody holds that.
    return !(lock.removeStaleLockFile() && lock.tryLock(0));
}

QString HandOffOwner::lockPath(const QString &ownerId) const
{
    return m_directory + QLatin1Char('/') + ownerId + QStringLiteral(".lock");
}

} // namespace agentfolio
