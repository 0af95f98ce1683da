#include "store/handoffowner.h"

#include "store/storelog.h"

#include <QDir>
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
    if (!m_id.isEmpty())
        return m_id;
    m_id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    if (!QDir().mkpath(m_directory)) {
        qCWarning(lcStore) << "hand-off owner: cannot create" << m_directory
                           << "; another Agentfolio could not tell this one is running";
        return m_id;
    }
    m_lock = std::make_unique<QLockFile>(lockPath(m_id));
    // Only a gone process makes the lock stale, never its age: a hand-off may be pending
    // for as long as the app runs.
    m_lock->setStaleLockTime(0);
    if (!m_lock->tryLock(0)) {
        qCWarning(lcStore) << "hand-off owner: cannot take" << lockPath(m_id) << "(error"
                           << int(m_lock->error())
                           << "); another Agentfolio could not tell this one is running";
        m_lock.reset();
    }
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
    QLockFile lock(lockPath(ownerId));
    lock.setStaleLockTime(0);
    // Taking it succeeds when there is no lock file, or when it is stale (its process is
    // gone): then its owner is not running. The taken lock is released (and its file
    // removed) when `lock` goes out of scope.
    if (lock.tryLock(0))
        return false;
    // LockFailedError: a live process holds it. Anything else (permissions, I/O): we
    // cannot tell, so we leave the hand-off to its owner rather than risk declaring a
    // running one's token lost.
    return true;
}

QString HandOffOwner::lockPath(const QString &ownerId) const
{
    return m_directory + QLatin1Char('/') + ownerId + QStringLiteral(".lock");
}

} // namespace agentfolio
