// HandOffOwner tells a running Agentfolio's hand-offs from an interrupted one's, through
// real lock files in a real directory.
#include "store/handoffowner.h"

#include <QDir>
#include <QFile>
#include <QLockFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

using namespace agentfolio;

class TestHandOffOwner : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void ownIdIsRunning();
    void anotherLiveOwnerIsRunning();
    void ownerThatQuitIsNotRunning();
    void ownerWhoseLockFileIsGoneIsNotRunning();
    void crashedOwnerWithADeadProcessIdIsNotRunning();
    void crashedOwnerWhoseProcessIdWasReusedIsNotRunning();
    void idsNotOursAreNotRunning_data();
    void idsNotOursAreNotRunning();
    void noIdWithoutALock();

private:
    QString runningDirectory() const { return m_dir->filePath(QStringLiteral("running")); }
    QString lockPath(const QString &id) const
    {
        return runningDirectory() + QLatin1Char('/') + id + QStringLiteral(".lock");
    }
    // Writes, for `id`, the lock file a crashed Agentfolio with process id `pid` would have
    // left: QLockFile's own contents, but nobody holding the file.
    void leaveCrashedLock(const QString &id, qint64 pid);

    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestHandOffOwner::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestHandOffOwner::leaveCrashedLock(const QString &id, qint64 pid)
{
    // A real lock of this process gives the exact format (pid, app name, host, boot id).
    const QString model = m_dir->filePath(QStringLiteral("model.lock"));
    QByteArray contents;
    {
        QLockFile lock(model);
        QVERIFY(lock.tryLock(0));
        QFile file(model);
        QVERIFY(file.open(QIODevice::ReadOnly));
        contents = file.readAll();
    }
    const qsizetype newline = contents.indexOf('\n');
    QVERIFY(newline > 0);
    contents.replace(0, newline, QByteArray::number(pid));
    QFile crashed(lockPath(id));
    QVERIFY(crashed.open(QIODevice::WriteOnly));
    QCOMPARE(crashed.write(contents), contents.size());
}

void TestHandOffOwner::ownIdIsRunning()
{
    HandOffOwner owner(runningDirectory());
    const QString id = owner.id();
    QVERIFY(!QUuid::fromString(id).isNull());
    QCOMPARE(owner.id(), id); // stable
    QVERIFY(QFile::exists(lockPath(id)));
    QVERIFY(owner.isRunning(id));
}

void TestHandOffOwner::anotherLiveOwnerIsRunning()
{
    HandOffOwner first(runningDirectory());
    HandOffOwner second(runningDirectory());
    const QString secondId = second.id();
    QVERIFY(!secondId.isEmpty());
    QVERIFY(first.isRunning(secondId));
    // Asking did not take or remove the other's lock.
    QVERIFY(QFile::exists(lockPath(secondId)));
    QVERIFY(first.isRunning(secondId));
}

void TestHandOffOwner::ownerThatQuitIsNotRunning()
{
    HandOffOwner asker(runningDirectory());
    QString id;
    {
        HandOffOwner quitting(runningDirectory());
        id = quitting.id();
        QVERIFY(asker.isRunning(id));
    }
    QVERIFY(!QFile::exists(lockPath(id)));
    QVERIFY(!asker.isRunning(id));
}

void TestHandOffOwner::ownerWhoseLockFileIsGoneIsNotRunning()
{
    // Neither the lock file nor its directory exists (a cleaned-up cache, another
    // machine's index): nobody can be running it, and asking must not say so forever.
    HandOffOwner asker(m_dir->filePath(QStringLiteral("no/such/folder")));
    QVERIFY(!asker.isRunning(QUuid::createUuid().toString(QUuid::WithoutBraces)));
}

void TestHandOffOwner::crashedOwnerWithADeadProcessIdIsNotRunning()
{
    QProcess gone;
    gone.start(QStringLiteral("true"), {});
    QVERIFY(gone.waitForStarted());
    const qint64 pid = gone.processId();
    QVERIFY(gone.waitForFinished());
    QVERIFY(QDir().mkpath(runningDirectory()));
    const QString id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    leaveCrashedLock(id, pid);
    HandOffOwner asker(runningDirectory());
    QVERIFY(!asker.isRunning(id));
}

void TestHandOffOwner::crashedOwnerWhoseProcessIdWasReusedIsNotRunning()
{
    // In a PID namespace (Flatpak) every Agentfolio has the same small process id, so the
    // lock of a crashed one names a live Agentfolio: this very process, here.
    QVERIFY(QDir().mkpath(runningDirectory()));
    const QString id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    leaveCrashedLock(id, QCoreApplication::applicationPid());
    HandOffOwner asker(runningDirectory());
    QVERIFY(!asker.isRunning(id));
}

void TestHandOffOwner::idsNotOursAreNotRunning_data()
{
    QTest::addColumn<QString>("id");
    QTest::newRow("empty") << QString();
    QTest::newRow("not a uuid") << QStringLiteral("someone");
    QTest::newRow("a path") << QStringLiteral("../../etc/passwd");
}

void TestHandOffOwner::idsNotOursAreNotRunning()
{
    QFETCH(QString, id);
    HandOffOwner asker(runningDirectory());
    QVERIFY(!asker.isRunning(id));
}

void TestHandOffOwner::noIdWithoutALock()
{
    // A regular file where the directory should be: no lock can be taken, so this
    // Agentfolio must not mark hand-offs that others would think abandoned.
    QFile blocker(runningDirectory());
    QVERIFY(blocker.open(QIODevice::WriteOnly));
    blocker.close();
    HandOffOwner owner(runningDirectory());
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("cannot create")));
    QVERIFY(owner.id().isEmpty());
    QVERIFY(owner.id().isEmpty()); // asked again: still none, and not logged again
}

QTEST_GUILESS_MAIN(TestHandOffOwner)
#include "tst_handoffowner.moc"
