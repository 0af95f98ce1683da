// Start-up order (issue 7): the window is on screen before anything touches the keychain,
// starts the sandbox's server or sends a request; the activation follows right after.
#include "mainwindow.h"
#include "sandbox/sandboxserver.h"
#include "session/session.h"
#include "store/memorysecretstore.h"
#include "store/profilekeys.h"
#include "store/profilestore.h"

#include <QEvent>
#include <QLabel>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QWindow>
#include <memory>

using namespace agentfolio;

namespace {

// Counts the jobs a secret store is given, the moment each is asked for (a job is the
// store's child from its creation on), long before the store starts working on it.
class JobCounter : public QObject
{
public:
    explicit JobCounter(SecretStore *store) { store->installEventFilter(this); }
    int jobs = 0;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::ChildAdded)
            ++jobs;
        return QObject::eventFilter(watched, event);
    }
};

// What was true when the window was first exposed, before its first paint reached the screen.
struct AtFirstExpose : QObject
{
    explicit AtFirstExpose(MainWindow *window, Session *session, JobCounter *counter,
                           SandboxServer *server)
        : m_window(window)
        , m_session(session)
        , m_counter(counter)
        , m_server(server)
    {
        // The native window exists from here on; the event comes when the platform maps it.
        window->winId();
        window->windowHandle()->installEventFilter(this);
    }
    bool seen = false;
    int secretJobs = -1;
    int requests = -1;
    bool sandboxStarted = true;
    Session::State state = Session::State::Inactive;
    QString banner;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (!seen && event->type() == QEvent::Expose && m_window->windowHandle()->isExposed()) {
            seen = true;
            secretJobs = m_counter->jobs;
            requests = m_server ? m_server->requestCount() : 0;
            sandboxStarted = m_session->sandbox() != nullptr;
            state = m_session->state();
            banner = m_window->findChild<QLabel *>(QStringLiteral("profileBannerTitle"))->text()
                + QLatin1Char('\n')
                + m_window->findChild<QLabel *>(QStringLiteral("profileBannerText"))->text();
        }
        return QObject::eventFilter(watched, event);
    }

private:
    MainWindow *m_window;
    Session *m_session;
    JobCounter *m_counter;
    SandboxServer *m_server;
};

} // namespace

class TestStartup : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void cleanup();

    void sandboxStartsAfterTheWindowShows();
    void keychainIsReadAfterTheWindowShows();
    void aChoiceMadeBeforeTheActivationWins();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<MemorySecretStore> m_secrets;
    std::unique_ptr<Session> m_session;
};

void TestStartup::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_secrets = std::make_unique<MemorySecretStore>();
    SessionOptions options;
    options.indexPath = m_dir->filePath(QStringLiteral("index.json"));
    options.settingsFile = m_dir->filePath(QStringLiteral("settings.ini"));
    options.sandboxStateFile = m_dir->filePath(QStringLiteral("sandbox.json"));
    options.secretStore = m_secrets.get();
    m_session = std::make_unique<Session>(options);
}

void TestStartup::cleanup()
{
    m_session.reset();
    m_secrets.reset();
    m_dir.reset();
}

void TestStartup::sandboxStartsAfterTheWindowShows()
{
    JobCounter counter(m_secrets.get());
    MainWindow window(m_session.get());
    QSignalSpy shown(&window, &MainWindow::firstShown);
    AtFirstExpose atExpose(&window, m_session.get(), &counter, nullptr);
    window.activateAfterFirstShow(Profile::sandboxId());
    // Already the account the window shows, without its server yet.
    QCOMPARE(m_session->activeProfile().id, Profile::sandboxId());
    QVERIFY(!m_session->sandbox());
    window.show();

    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QTRY_VERIFY(atExpose.seen);
    QVERIFY(!atExpose.sandboxStarted);
    QCOMPARE(atExpose.state, Session::State::Connecting);
    QCOMPARE(atExpose.secretJobs, 0);
    QVERIFY(atExpose.banner.contains(QStringLiteral("Sandbox")));

    // Then, without anyone asking: the sandbox runs and the session can send.
    QTRY_COMPARE(shown.size(), 1);
    QTRY_VERIFY(m_session->isReady());
    QVERIFY(m_session->sandbox());
    QVERIFY(m_session->sandbox()->port() != 0);
    QCOMPARE(counter.jobs, 0); // the sandbox has built-in keys: no keychain at all
    QTest::qWait(50);
    QCOMPARE(shown.size(), 1); // once
}

void TestStartup::keychainIsReadAfterTheWindowShows()
{
    // A real account whose "eToro" is a sandbox server of the test's own, on loopback.
    SandboxServer server;
    server.setStateFile(m_dir->filePath(QStringLiteral("server.json")));
    QVERIFY(server.start() != 0);
    server.setRequiredKeys(QStringLiteral("api-key-real"), QStringLiteral("user-key-real"));
    Profile real;
    real.displayName = QStringLiteral("My eToro");
    real.baseUrl = server.baseUrl();
    const auto added = m_session->profiles()->add(real);
    QVERIFY(added);
    bool written = false;
    ProfileKeys::write(
        m_secrets.get(), added->id,
        { Secret(QStringLiteral("api-key-real")), Secret(QStringLiteral("user-key-real")) }, this,
        [&written](const std::optional<SecretStoreError> &error) { written = !error; });
    QTRY_VERIFY(written);

    JobCounter counter(m_secrets.get());
    MainWindow window(m_session.get());
    QSignalSpy shown(&window, &MainWindow::firstShown);
    AtFirstExpose atExpose(&window, m_session.get(), &counter, &server);
    window.activateAfterFirstShow(added->id);
    QCOMPARE(counter.jobs, 0);
    window.show();

    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QTRY_VERIFY(atExpose.seen);
    QCOMPARE(atExpose.secretJobs, 0);
    QCOMPARE(atExpose.requests, 0);
    QVERIFY(!atExpose.sandboxStarted);
    QCOMPARE(atExpose.state, Session::State::Connecting);
    // The window already names the real account, and says what it is waiting for.
    QVERIFY(atExpose.banner.contains(QStringLiteral("My eToro")));
    QVERIFY(atExpose.banner.contains(QStringLiteral("Reading the account's keys")));

    // Then the keys are read (both of them) and the client is ready for that account.
    QTRY_COMPARE(shown.size(), 1);
    QTRY_VERIFY(m_session->isReady());
    QCOMPARE(counter.jobs, 2);
    QCOMPARE(m_session->activeProfile().id, added->id);
    QVERIFY(!m_session->sandbox());
    // Nothing is sent on its own at start-up, before or after.
    QCOMPARE(server.requestCount(), 0);
    auto *banner = window.findChild<QLabel *>(QStringLiteral("profileBannerText"));
    QVERIFY(!banner->text().contains(QStringLiteral("Reading the account's keys")));
}

void TestStartup::aChoiceMadeBeforeTheActivationWins()
{
    Profile real;
    real.displayName = QStringLiteral("Other");
    real.baseUrl = QUrl(QStringLiteral("https://public-api.etoro.com"));
    const auto added = m_session->profiles()->add(real);
    QVERIFY(added);

    MainWindow window(m_session.get());
    QSignalSpy shown(&window, &MainWindow::firstShown);
    window.activateAfterFirstShow(added->id);
    // The user (or anything else) switches to the sandbox before the window is shown: the
    // start-up activation must not switch back to the account it was given.
    m_session->activate(Profile::sandboxId());
    QVERIFY(m_session->isReady());
    window.show();
    QTRY_COMPARE(shown.size(), 1);
    QTest::qWait(50);
    QCOMPARE(m_session->activeProfile().id, Profile::sandboxId());
    QVERIFY(m_session->isReady());
}

QTEST_MAIN(TestStartup)
#include "tst_startup.moc"
