// Agentfolios started at the same moment on the same files, each in a process of its own
// (tests/session/createflowprocess.cpp): a create that a stopped Agentfolio left unsettled is
// taken up by exactly one of them, and by another only once that one is gone. Two taking it
// up would each report it stopped, and the one whose check finds nothing yet would invite
// sending it again while the other may still have it under way.
#include "session/appsettings.h"
#include "store/handoffowner.h"
#include "store/profile.h"

#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <memory>
#include <optional>
#include <vector>

using namespace agentfolio;

namespace {

// One Agentfolio starting, in its own process.
class Agentfolio
{
public:
    Agentfolio(const QString &settingsFile, const QString &indexFile)
    {
        m_process.start(QStringLiteral(AGENTFOLIO_CREATEFLOW_PROCESS), { settingsFile, indexFile });
    }
    ~Agentfolio() { quit(); }
    Agentfolio(const Agentfolio &) = delete;
    Agentfolio &operator=(const Agentfolio &) = delete;

    // The next line it prints, without its line break; empty if none came in time.
    QByteArray line()
    {
        while (!m_process.canReadLine()) {
            if (!m_process.waitForReadyRead(30000))
                return {};
        }
        QByteArray line = m_process.readLine();
        line.chop(1);
        return line;
    }
    bool isReady() { return line() == "ready"; }
    // Makes its create flow, which takes up what nobody answers for. QProcess writes only
    // when asked to wait: without the wait here the line would reach each process only when
    // the previous one had answered, one after the other.
    bool go()
    {
        m_process.write("go\n");
        return m_process.waitForBytesWritten(30000);
    }
    // What it took up (a request id, or "-") and its mark; after go().
    bool readResult()
    {
        const QByteArray taken = line();
        const QByteArray owner = line();
        if (!taken.startsWith("taken ") || !owner.startsWith("owner "))
            return false;
        m_taken = QString::fromLatin1(taken.mid(6));
        m_owner = QString::fromLatin1(owner.mid(6));
        return true;
    }
    QString taken() const { return m_taken; }
    QString owner() const { return m_owner; }

    // It quits, and its mark goes with it. False if it did not exit cleanly (a sanitizer's
    // report, say), or took up a note without the take-up lock: then only chance, not the
    // lock, kept two from taking up the same note.
    bool quit()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.closeWriteChannel();
            if (!m_process.waitForFinished(30000)) {
                m_process.kill();
                m_process.waitForFinished(30000);
                return false;
            }
        }
        m_log += m_process.readAllStandardError();
        return m_process.exitStatus() == QProcess::NormalExit && m_process.exitCode() == 0
            && !m_log.contains("taken up without the lock");
    }
    // It dies at once, as in a crash: its mark's lock file stays behind, held by nobody.
    void crash()
    {
        m_process.kill();
        m_process.waitForFinished(30000);
    }
    // What it wrote to its standard error (its log), once it has quit.
    QByteArray log() const { return m_log; }

private:
    QProcess m_process;
    QString m_taken;
    QString m_owner;
    QByteArray m_log;
};

} // namespace

class TestCreateFlowProcesses : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void aStoppedCreateIsTakenUpByOneOfSeveralStartingAtOnce();

private:
    // Starts `count` Agentfolios and lets them make their flows at the same moment.
    std::vector<std::unique_ptr<Agentfolio>> startAtOnce(int count);
    std::optional<AppSettings::UnsettledCreate> onlyNote() const;

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_settingsFile;
    QString m_indexFile;
};

void TestCreateFlowProcesses::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_settingsFile = m_dir->filePath(QStringLiteral("settings.ini"));
    m_indexFile = m_dir->filePath(QStringLiteral("index.json"));
    QVERIFY(QFileInfo(QStringLiteral(AGENTFOLIO_CREATEFLOW_PROCESS)).isExecutable());
}

void TestCreateFlowProcesses::cleanup()
{
    m_dir.reset();
}

std::vector<std::unique_ptr<Agentfolio>> TestCreateFlowProcesses::startAtOnce(int count)
{
    std::vector<std::unique_ptr<Agentfolio>> started;
    for (int i = 0; i < count; ++i)
        started.push_back(std::make_unique<Agentfolio>(m_settingsFile, m_indexFile));
    // Each has loaded everything and built its session; only the flow is left to make.
    for (const auto &agentfolio : started) {
        if (!agentfolio->isReady())
            return {};
    }
    for (const auto &agentfolio : started) {
        if (!agentfolio->go())
            return {};
    }
    for (const auto &agentfolio : started) {
        if (!agentfolio->readResult())
            return {};
    }
    return started;
}

std::optional<AppSettings::UnsettledCreate> TestCreateFlowProcesses::onlyNote() const
{
    const QList<AppSettings::UnsettledCreate> notes =
        AppSettings(m_settingsFile).unsettledCreates();
    if (notes.size() != 1)
        return std::nullopt;
    return notes.constFirst();
}

void TestCreateFlowProcesses::aStoppedCreateIsTakenUpByOneOfSeveralStartingAtOnce()
{
    // A create noted by an Agentfolio that has stopped since: its mark is gone.
    AppSettings::UnsettledCreate note;
    note.profileId = Profile::sandboxId();
    note.portfolioName = QStringLiteral("Stopped1");
    note.requestId = QUuid::createUuid();
    note.sentAt = QDateTime::currentDateTimeUtc();
    {
        HandOffOwner stopped(QFileInfo(m_indexFile).absolutePath() + QStringLiteral("/running"));
        note.owner = stopped.id();
        QVERIFY(!note.owner.isEmpty());
    }
    QVERIFY(AppSettings(m_settingsFile).setUnsettledCreate(note));
    const QString requestId = note.requestId.toString(QUuid::WithoutBraces);

    // Each round ends with every Agentfolio gone, the note still unsettled: the next round's
    // race for it is as the first.
    constexpr int Rounds = 5;
    constexpr int AtOnce = 4;
    for (int round = 0; round < Rounds; ++round) {
        auto started = startAtOnce(AtOnce);
        QCOMPARE(int(started.size()), AtOnce);
        Agentfolio *taker = nullptr;
        int takers = 0;
        for (const auto &agentfolio : started) {
            if (agentfolio->taken() == QStringLiteral("-"))
                continue;
            QCOMPARE(agentfolio->taken(), requestId);
            taker = agentfolio.get();
            ++takers;
        }
        QCOMPARE(takers, 1);
        QVERIFY(!taker->owner().isEmpty());
        const auto marked = onlyNote();
        QVERIFY(marked);
        QCOMPARE(marked->requestId, note.requestId);
        QCOMPARE(marked->owner, taker->owner());

        // One started later, while the taker runs, leaves it to the taker too.
        Agentfolio late(m_settingsFile, m_indexFile);
        QVERIFY(late.isReady());
        QVERIFY(late.go());
        QVERIFY(late.readResult());
        QCOMPARE(late.taken(), QStringLiteral("-"));

        // The taker stops before settling it, quitting or (every other round) crashing, its
        // mark's lock file left behind: the next start takes it up.
        const bool crashes = round % 2 == 1;
        if (crashes)
            taker->crash();
        else
            QVERIFY2(taker->quit(), taker->log().constData());
        Agentfolio next(m_settingsFile, m_indexFile);
        QVERIFY(next.isReady());
        QVERIFY(next.go());
        QVERIFY(next.readResult());
        QCOMPARE(next.taken(), requestId);
        const auto retaken = onlyNote();
        QVERIFY(retaken);
        QCOMPARE(retaken->owner, next.owner());

        QVERIFY2(next.quit(), next.log().constData());
        QVERIFY2(late.quit(), late.log().constData());
        for (const auto &agentfolio : started) {
            if (agentfolio.get() != taker || !crashes)
                QVERIFY2(agentfolio->quit(), agentfolio->log().constData());
        }
    }
}

QTEST_GUILESS_MAIN(TestCreateFlowProcesses)
#include "tst_createflowprocesses.moc"
