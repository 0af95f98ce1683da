#include "accountdialog.h"

#include "api/apiclient.h"
#include "sandbox/sandboxserver.h"
#include "store/memorysecretstore.h"
#include "store/profilekeys.h"
#include "store/profilestore.h"
#include "store/secretkeys.h"

#include <QAbstractButton>
#include <QApplication>
#include <QClipboard>
#include <QFile>
#include <QHostAddress>
#include <QLabel>
#include <QLineEdit>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QPushButton>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <memory>

using namespace agentfolio;

namespace {

const QString GoodApi = QStringLiteral("good-api");
const QString GoodUser = QStringLiteral("good-user");

// Every message logged while a test runs, to prove that no key is ever logged.
QStringList g_messages;
QtMessageHandler g_previousHandler = nullptr;

void captureMessage(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    g_messages.append(message);
    if (g_previousHandler)
        g_previousHandler(type, context, message);
}

// A one-answer HTTP server on 127.0.0.1 that refuses every call with 403, as eToro does
// for a key that belongs to an agent portfolio. The sandbox has no such keys.
class ForbiddenServer : public QTcpServer
{
public:
    ForbiddenServer()
    {
        connect(this, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = nextPendingConnection()) {
                connect(socket, &QTcpSocket::readyRead, socket, [socket] {
                    if (!socket->peek(64 * 1024).contains("\r\n\r\n"))
                        return;
                    socket->readAll();
                    const QByteArray body =
                        R"({"errorCode":"Forbidden","errorMessage":"Agent-portfolio keys cannot list agent portfolios"})";
                    socket->write("HTTP/1.1 403 Forbidden\r\nContent-Type: application/json\r\n"
                                  "Connection: close\r\nContent-Length: "
                                  + QByteArray::number(body.size()) + "\r\n\r\n" + body);
                    socket->disconnectFromHost();
                });
                connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            }
        });
    }
    QUrl baseUrl() const { return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(serverPort())); }
};

} // namespace

class tst_AccountDialog : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void init();
    void cleanup();

    void defaults();
    void testConnection_data();
    void testConnection();
    void testResultIsDroppedWhenKeysChange();
    void editDuringTestDiscardsIt();
    void serverAddress_data();
    void serverAddress();
    void displayName_data();
    void displayName();
    void saveDisabledUntilValid();
    void saveWritesKeysToKeychainOnly();
    void keychainFailureKeepsDialogOpen_data();
    void keychainFailureKeepsDialogOpen();
    void cancelWhileSavingWaits();
    void rejectClearsKeys();
    void showTogglesEchoMode_data();
    void showTogglesEchoMode();
    void pasteTrims_data();
    void pasteTrims();
    void keyWithInnerSpaceIsRefused();
    void everyInputIsNamed();
    void keysAreNeverShownOrLogged();

private:
    template<typename T = QWidget>
    T *find(const char *name) const
    {
        auto *widget = m_dialog->findChild<T *>(QString::fromLatin1(name));
        if (!widget)
            qFatal("no widget %s", name);
        return widget;
    }
    // Types as the user would: into the field, replacing what is there.
    void typeInto(const char *name, const QString &text) const
    {
        auto *edit = find<QLineEdit>(name);
        edit->setFocus();
        QTest::keyClick(edit, Qt::Key_A, Qt::ControlModifier);
        QTest::keyClick(edit, Qt::Key_Backspace);
        QTest::keyClicks(edit, text);
    }
    void fill(const QString &name, const QString &api, const QString &user, const QUrl &server)
    {
        typeInto("displayName", name);
        typeInto("apiKey", api);
        typeInto("userKey", user);
        setServer(server);
    }
    void setServer(const QUrl &server) const
    {
        auto *toggle = find<QToolButton>("advancedToggle");
        if (!toggle->isChecked())
            QTest::mouseClick(toggle, Qt::LeftButton);
        typeInto("serverAddress", server.toString());
    }
    QString settingsBytes() const
    {
        QFile file(m_settingsFile);
        if (!file.open(QIODevice::ReadOnly))
            return QString();
        return QString::fromUtf8(file.readAll());
    }
    // The answer the core gives for these keys at that server, to compare with the dialog.
    std::optional<ApiError> listWith(const QUrl &server, const QString &api, const QString &user)
    {
        ApiClient client(m_network.get());
        client.setBaseUrl(server);
        client.setCredentials(Secret(api), Secret(user));
        ApiReply *reply = client.listPortfolios();
        QSignalSpy finished(reply, &ApiReply::finished);
        if (!reply->isFinished() && !finished.wait(10'000))
            qFatal("the list call did not finish");
        return reply->error();
    }
    std::optional<ApiCredentials> readKeys(const Profile &profile)
    {
        std::optional<ApiCredentials> keys;
        bool answered = false;
        ProfileKeys::read(m_secrets, profile, this,
                          [&](const std::optional<ApiCredentials> &credentials,
                              const std::optional<SecretStoreError> &) {
                              keys = credentials;
                              answered = true;
                          });
        if (!QTest::qWaitFor([&answered] { return answered; }, 10'000))
            qFatal("the keychain did not answer");
        return keys;
    }

    std::unique_ptr<SandboxServer> m_server;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_settingsFile;
    ProfileStore *m_profiles = nullptr;
    MemorySecretStore *m_secrets = nullptr;
    AccountDialog *m_dialog = nullptr;
};

void tst_AccountDialog::initTestCase()
{
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    m_network = std::make_unique<QNetworkAccessManager>();
    m_server = std::make_unique<SandboxServer>();
    QVERIFY(m_server->start() != 0);
    m_server->setRequiredKeys(GoodApi, GoodUser);

    // Two portfolios, so that the success message has a number to tell.
    ApiClient client(m_network.get());
    QVERIFY(client.setBaseUrl(m_server->baseUrl()));
    client.setCredentials(Secret(GoodApi), Secret(GoodUser));
    for (const QString &name : { QStringLiteral("Alpha01"), QStringLiteral("Beta002") }) {
        CreatePortfolioRequest request;
        request.investment = Money::fromCents(200'000);
        request.portfolioName = name;
        request.tokenName = QStringLiteral("first");
        request.scopeIds = { 200 };
        ApiReply *reply = client.createPortfolio(request);
        QSignalSpy finished(reply, &ApiReply::finished);
        QVERIFY(reply->isFinished() || finished.wait(10'000));
        QVERIFY2(reply->isOk(), qPrintable(reply->error() ? reply->error()->summary() : QString()));
    }
    QCOMPARE(m_server->portfolios().size(), 2);

    QLoggingCategory::setFilterRules(QStringLiteral("agentfolio.*=true"));
    g_previousHandler = qInstallMessageHandler(captureMessage);
}

void tst_AccountDialog::cleanupTestCase()
{
    qInstallMessageHandler(g_previousHandler);
}

void tst_AccountDialog::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_settingsFile = m_dir->filePath(QStringLiteral("settings.ini"));
    m_profiles = new ProfileStore(m_settingsFile, this);
    m_secrets = new MemorySecretStore(this);
    m_dialog = new AccountDialog(m_profiles, m_secrets, m_network.get());
    m_dialog->show();
    QApplication::setActiveWindow(m_dialog);
    QVERIFY(QTest::qWaitForWindowActive(m_dialog));
    g_messages.clear();
}

void tst_AccountDialog::cleanup()
{
    delete m_dialog;
    m_dialog = nullptr;
    // Queued keychain answers and client deletions run before the stores go.
    QTest::qWait(20);
    delete m_secrets;
    delete m_profiles;
    m_dir.reset();
}

void tst_AccountDialog::defaults()
{
    QCOMPARE(m_dialog->windowTitle(), QStringLiteral("Add eToro account"));
    QCOMPARE(find<QLineEdit>("serverAddress")->text(),
             QStringLiteral("https://public-api.etoro.com"));
    QVERIFY(!find<QLineEdit>("serverAddress")->isVisible());
    QVERIFY(!find<QToolButton>("advancedToggle")->isChecked());
    QCOMPARE(find<QLineEdit>("apiKey")->echoMode(), QLineEdit::Password);
    QCOMPARE(find<QLineEdit>("userKey")->echoMode(), QLineEdit::Password);
    QVERIFY(!find<QPushButton>("save")->isEnabled());
    QVERIFY(!find<QPushButton>("testConnection")->isEnabled());
    QVERIFY(find<QPushButton>("save")->isDefault());
    QVERIFY(!m_dialog->isValid());
    // Nobody has typed yet: nothing to complain about.
    for (auto input : { AccountDialog::Input::DisplayName, AccountDialog::Input::ApiKey,
                        AccountDialog::Input::UserKey, AccountDialog::Input::ServerAddress })
        QVERIFY(m_dialog->shownProblems(input).isEmpty());
    QVERIFY(m_dialog->testResultText().isEmpty());
    QCOMPARE(QApplication::focusWidget(), find<QLineEdit>("displayName"));
}

void tst_AccountDialog::testConnection_data()
{
    QTest::addColumn<QString>("api");
    QTest::addColumn<QString>("user");
    QTest::addColumn<bool>("forbiddenServer");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<QString>("expected"); // for a success; a failure shows the core's message

    const QString two = QStringLiteral("Connected: 2 agent portfolios found.");
    QTest::newRow("right keys") << GoodApi << GoodUser << false << true << two;
    QTest::newRow("spaces around the keys")
        << QStringLiteral("  good-api ") << QStringLiteral(" good-user  ") << false << true << two;
    QTest::newRow("wrong API key")
        << QStringLiteral("bad-api") << GoodUser << false << false << QString();
    QTest::newRow("wrong user key")
        << GoodApi << QStringLiteral("bad-user") << false << false << QString();
    QTest::newRow("keys swapped") << GoodUser << GoodApi << false << false << QString();
    QTest::newRow("agent portfolio's key (403)")
        << GoodApi << QStringLiteral("agent-user") << true << false << QString();
}

void tst_AccountDialog::testConnection()
{
    QFETCH(QString, api);
    QFETCH(QString, user);
    QFETCH(bool, forbiddenServer);
    QFETCH(bool, ok);
    QFETCH(QString, expected);

    ForbiddenServer forbidden;
    QVERIFY(forbidden.listen(QHostAddress::LocalHost));
    const QUrl server = forbiddenServer ? forbidden.baseUrl() : m_server->baseUrl();
    fill(QStringLiteral("Test"), api, user, server);

    auto *test = find<QPushButton>("testConnection");
    QVERIFY(test->isEnabled());
    const int before = m_server->requestCount("GET", QStringLiteral("/api/v1/agent-portfolios"));
    QSignalSpy finished(m_dialog, &AccountDialog::testFinished);
    QTest::mouseClick(test, Qt::LeftButton);
    // It disables itself while the call runs.
    QVERIFY(!test->isEnabled());
    QVERIFY(m_dialog->isTesting());
    QVERIFY(finished.wait(10'000));
    QCOMPARE(finished.count(), 1);
    QVERIFY(test->isEnabled());
    QVERIFY(!m_dialog->isTesting());
    QCOMPARE(finished.first().at(0).toBool(), ok);
    if (!forbiddenServer)
        QCOMPARE(m_server->requestCount("GET", QStringLiteral("/api/v1/agent-portfolios")),
                 before + 1);

    if (ok) {
        QCOMPARE(m_dialog->testResultText(), expected);
        QVERIFY(m_dialog->testRequestIdText().isEmpty());
    } else {
        const auto error = listWith(server, api.trimmed(), user.trimmed());
        QVERIFY(error);
        QCOMPARE(m_dialog->testResultText(), error->message());
        QVERIFY(m_dialog->testResultText().contains(forbiddenServer ? QStringLiteral("(403)")
                                                                    : QStringLiteral("(401)")));
        QCOMPARE(error->kind,
                 forbiddenServer ? ApiError::Kind::Forbidden : ApiError::Kind::Unauthorized);
        // The request id of the dialog's own call, to quote to support.
        QVERIFY(m_dialog->testRequestIdText().startsWith(QStringLiteral("Request id: ")));
        if (!forbiddenServer) {
            const QList<SandboxServer::RecordedRequest> requests = m_server->requests();
            ApiError dialogs;
            dialogs.requestId = QUuid::fromString(requests.at(requests.size() - 2).requestId);
            QVERIFY(!dialogs.requestId.isNull());
            QCOMPARE(m_dialog->testRequestIdText(), dialogs.requestIdText());
        }
    }
    QCOMPARE(finished.first().at(1).toString(), m_dialog->testResultText());
    // Testing saves nothing.
    QVERIFY(m_secrets->keys().isEmpty());
    QCOMPARE(m_profiles->profiles().size(), 1);
}

void tst_AccountDialog::testResultIsDroppedWhenKeysChange()
{
    fill(QStringLiteral("Test"), GoodApi, GoodUser, m_server->baseUrl());
    QSignalSpy finished(m_dialog, &AccountDialog::testFinished);
    find<QPushButton>("testConnection")->click();
    QVERIFY(finished.wait(10'000));
    QVERIFY(!m_dialog->testResultText().isEmpty());
    // A verdict about other keys would mislead.
    find<QLineEdit>("userKey")->setFocus();
    QTest::keyClick(find<QLineEdit>("userKey"), Qt::Key_X);
    QVERIFY(m_dialog->testResultText().isEmpty());
    // The name does not matter to the server.
    find<QPushButton>("testConnection")->click();
    QVERIFY(finished.wait(10'000));
    typeInto("displayName", QStringLiteral("Other name"));
    QVERIFY(!m_dialog->testResultText().isEmpty());
}

void tst_AccountDialog::editDuringTestDiscardsIt()
{
    fill(QStringLiteral("Test"), GoodApi, GoodUser, m_server->baseUrl());
    m_server->injectFault({ SandboxServer::Fault::Kind::Delay, 400, "GET", QString(), 1 });
    QSignalSpy finished(m_dialog, &AccountDialog::testFinished);
    find<QPushButton>("testConnection")->click();
    QVERIFY(m_dialog->isTesting());
    typeInto("apiKey", QStringLiteral("bad-api"));
    QVERIFY(!m_dialog->isTesting());
    QVERIFY(find<QPushButton>("testConnection")->isEnabled());
    QTest::qWait(800);
    QCOMPARE(finished.count(), 0);
    QVERIFY(m_dialog->testResultText().isEmpty());
    m_server->clearFaults();
}

void tst_AccountDialog::serverAddress_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("problem"); // empty: accepted

    const auto check = [](const char *text) {
        const QUrl url(QString::fromLatin1(text), QUrl::StrictMode);
        const QString problem = ApiClient::checkBaseUrl(url);
        return problem.isEmpty() ? ProfileStore::checkBaseUrl(url) : problem;
    };
    QTest::newRow("eToro") << "https://public-api.etoro.com" << QString();
    QTest::newRow("trailing slash") << "https://public-api.etoro.com/" << QString();
    QTest::newRow("loopback http") << "http://127.0.0.1:8080" << QString();
    QTest::newRow("localhost http") << "http://localhost:8080" << QString();
    QTest::newRow("remote http") << "http://example.com" << check("http://example.com");
    QTest::newRow("ftp") << "ftp://example.com" << check("ftp://example.com");
    QTest::newRow("user info") << "https://me:pw@example.com" << check("https://me:pw@example.com");
    QTest::newRow("no scheme") << "public-api.etoro.com" << check("public-api.etoro.com");
    QTest::newRow("empty") << ""
                           << "Enter the server address, such as https://public-api.etoro.com.";
}

void tst_AccountDialog::serverAddress()
{
    QFETCH(QString, text);
    QFETCH(QString, problem);
    fill(QStringLiteral("Test"), GoodApi, GoodUser, QUrl());
    typeInto("serverAddress", text);
    QCOMPARE(m_dialog->shownProblems(AccountDialog::Input::ServerAddress),
             problem.isEmpty() ? QStringList() : QStringList { problem });
    QCOMPARE(find<QPushButton>("save")->isEnabled(), problem.isEmpty());
    QCOMPARE(find<QPushButton>("testConnection")->isEnabled(), problem.isEmpty());
    if (!problem.isEmpty())
        QVERIFY(find<QLineEdit>("serverAddress")->accessibleDescription().contains(problem));

    // Folded away, the problem stays in sight, and so does a server other than eToro's.
    QTest::mouseClick(find<QToolButton>("advancedToggle"), Qt::LeftButton);
    QVERIFY(!find<QLineEdit>("serverAddress")->isVisible());
    QCOMPARE(find<QWidget>("problem_serverAddress")->isVisible(), !problem.isEmpty());
    const bool isDefault = QUrl(text).adjusted(QUrl::StripTrailingSlash)
        == QUrl(QStringLiteral("https://public-api.etoro.com"));
    if (isDefault || text.isEmpty())
        QCOMPARE(find<QToolButton>("advancedToggle")->text(), QStringLiteral("A&dvanced"));
    else
        QVERIFY(find<QToolButton>("advancedToggle")->text().contains(text));
}

void tst_AccountDialog::displayName_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("problem");

    QTest::newRow("fine") << "My account" << QString();
    QTest::newRow("blank") << "   " << ProfileStore::checkDisplayName(QStringLiteral("   "));
    const QString tooLong(ProfileStore::MaxDisplayNameLength + 1, QLatin1Char('x'));
    QTest::newRow("too long") << tooLong << ProfileStore::checkDisplayName(tooLong);
    QTest::newRow("the sandbox's")
        << "sandbox"
        << "There is already an account named “Sandbox”; choose another name.";
    QTest::newRow("an existing one, other case")
        << "WORK"
        << "There is already an account named “Work”; choose another name.";
}

void tst_AccountDialog::displayName()
{
    QFETCH(QString, name);
    QFETCH(QString, problem);
    QVERIFY(
        m_profiles->add(Profile { QString(), QStringLiteral("Work"),
                                  QUrl(QStringLiteral("https://public-api.etoro.com")), false }));
    fill(name, GoodApi, GoodUser, m_server->baseUrl());
    QCOMPARE(m_dialog->shownProblems(AccountDialog::Input::DisplayName),
             problem.isEmpty() ? QStringList() : QStringList { problem });
    QCOMPARE(find<QPushButton>("save")->isEnabled(), problem.isEmpty());
    // A bad name does not keep the keys from being tested.
    QVERIFY(find<QPushButton>("testConnection")->isEnabled());
}

void tst_AccountDialog::saveDisabledUntilValid()
{
    auto *save = find<QPushButton>("save");
    typeInto("displayName", QStringLiteral("My account"));
    QVERIFY(!save->isEnabled());
    typeInto("apiKey", GoodApi);
    QVERIFY(!save->isEnabled());
    QVERIFY(!find<QPushButton>("testConnection")->isEnabled());
    typeInto("userKey", GoodUser);
    QVERIFY(save->isEnabled());
    QVERIFY(find<QPushButton>("testConnection")->isEnabled());
    // Emptied again: the field says what is missing.
    typeInto("apiKey", QString());
    QVERIFY(!save->isEnabled());
    QCOMPARE(m_dialog->shownProblems(AccountDialog::Input::ApiKey),
             QStringList { QStringLiteral("Enter the API key.") });
    // Enter in a field does nothing while Save is disabled.
    QTest::keyClick(find<QLineEdit>("apiKey"), Qt::Key_Return);
    QVERIFY(m_dialog->isVisible());
    QVERIFY(m_profiles->profiles().size() == 1);
}

void tst_AccountDialog::saveWritesKeysToKeychainOnly()
{
    fill(QStringLiteral("  My account "), GoodApi, GoodUser, m_server->baseUrl());
    QSignalSpy accepted(m_dialog, &QDialog::accepted);
    // Enter in a field saves: Save is the default button.
    QTest::keyClick(find<QLineEdit>("userKey"), Qt::Key_Return);
    QVERIFY(accepted.wait(10'000));
    QCOMPARE(m_dialog->result(), int(QDialog::Accepted));
    QCOMPARE(m_dialog->createdProfileId(), QStringLiteral("my-account"));

    const auto profile = m_profiles->profile(QStringLiteral("my-account"));
    QVERIFY(profile);
    QCOMPARE(profile->displayName, QStringLiteral("My account"));
    QCOMPARE(profile->baseUrl, m_server->baseUrl());
    QVERIFY(!profile->isSandbox);

    const auto keys = readKeys(*profile);
    QVERIFY(keys);
    QCOMPARE(keys->apiKey.reveal(), GoodApi);
    QCOMPARE(keys->userKey.reveal(), GoodUser);
    QCOMPARE(m_secrets->keys().size(), 2);

    // The settings file has the profile and neither key.
    const QString bytes = settingsBytes();
    QVERIFY2(bytes.contains(QStringLiteral("my-account")), qPrintable(bytes));
    QVERIFY(!bytes.contains(GoodApi));
    QVERIFY(!bytes.contains(GoodUser));
    QVERIFY(!bytes.contains(QStringLiteral("good")));

    // Nothing secret is left in the widgets.
    QVERIFY(find<QLineEdit>("apiKey")->text().isEmpty());
    QVERIFY(find<QLineEdit>("userKey")->text().isEmpty());
    QCOMPARE(find<QLineEdit>("apiKey")->echoMode(), QLineEdit::Password);
}

void tst_AccountDialog::keychainFailureKeepsDialogOpen_data()
{
    QTest::addColumn<bool>("onlyUserKey");
    QTest::addColumn<int>("kind");
    QTest::newRow("keychain locked") << false << int(SecretStoreError::Kind::AccessDenied);
    QTest::newRow("no keychain") << false << int(SecretStoreError::Kind::NoKeychain);
    QTest::newRow("user key fails after the API key") << true << int(SecretStoreError::Kind::Other);
}

void tst_AccountDialog::keychainFailureKeepsDialogOpen()
{
    QFETCH(bool, onlyUserKey);
    QFETCH(int, kind);
    const QString id = QStringLiteral("my-account");
    const QString failingKey = onlyUserKey ? SecretKeys::userKeyKey(id) : SecretKeys::apiKeyKey(id);
    if (onlyUserKey)
        m_secrets->setKeyFailure(failingKey, SecretStoreError::Kind(kind));
    else
        m_secrets->setFailure(SecretStoreError::Kind(kind));

    fill(QStringLiteral("My account"), GoodApi, GoodUser, m_server->baseUrl());
    QSignalSpy failed(m_dialog, &AccountDialog::saveFailed);
    QTest::mouseClick(find<QPushButton>("save"), Qt::LeftButton);
    QVERIFY(failed.wait(10'000));

    const QString expected = SecretStoreError::make(SecretStoreError::Kind(kind),
                                                    SecretStoreError::Operation::Write, failingKey)
                                 .message;
    QVERIFY2(m_dialog->saveProblemText().contains(expected),
             qPrintable(m_dialog->saveProblemText()));
    QCOMPARE(failed.first().first().toString(), m_dialog->saveProblemText());
    QVERIFY(find<QWidget>("problem_save")->isVisible());
    QVERIFY(m_dialog->isVisible());
    QVERIFY(m_dialog->createdProfileId().isEmpty());
    // The profile is taken back; so is a key that did get written.
    QVERIFY(!m_profiles->contains(id));
    QVERIFY(!settingsBytes().contains(id));
    QTRY_VERIFY(m_secrets->keys().isEmpty());
    // Nothing typed is lost, and the form is usable again.
    QCOMPARE(find<QLineEdit>("displayName")->text(), QStringLiteral("My account"));
    QCOMPARE(find<QLineEdit>("apiKey")->text(), GoodApi);
    QCOMPARE(find<QLineEdit>("userKey")->text(), GoodUser);
    QVERIFY(find<QLineEdit>("apiKey")->isEnabled());
    QVERIFY(find<QPushButton>("save")->isEnabled());

    // Once the keychain works, the same entries save.
    m_secrets->setFailure(std::nullopt);
    m_secrets->setKeyFailure(failingKey, std::nullopt);
    QSignalSpy accepted(m_dialog, &QDialog::accepted);
    QTest::mouseClick(find<QPushButton>("save"), Qt::LeftButton);
    QVERIFY(accepted.wait(10'000));
    QCOMPARE(m_dialog->createdProfileId(), id);
    QCOMPARE(m_secrets->value(SecretKeys::apiKeyKey(id))->reveal(), GoodApi);
    QCOMPARE(m_secrets->value(SecretKeys::userKeyKey(id))->reveal(), GoodUser);
}

void tst_AccountDialog::cancelWhileSavingWaits()
{
    const QString id = QStringLiteral("my-account");
    m_secrets->setNeverAnswer(true);
    fill(QStringLiteral("My account"), GoodApi, GoodUser, m_server->baseUrl());
    QTest::mouseClick(find<QPushButton>("save"), Qt::LeftButton);
    QTRY_COMPARE(m_secrets->hangingCount(), 1);
    QVERIFY(m_dialog->isSaving());
    QVERIFY(!find<QLineEdit>("apiKey")->isEnabled());
    QVERIFY(!find<QPushButton>("save")->isEnabled());
    QVERIFY(!find<QPushButton>("cancel")->isEnabled());
    QVERIFY(find<QLabel>("saveStatus")->isVisible());
    // Escape and the close button wait for the keychain's answer.
    QTest::keyClick(m_dialog, Qt::Key_Escape);
    m_dialog->close();
    QVERIFY(m_dialog->isVisible());

    m_secrets->answerHanging(SecretKeys::apiKeyKey(id));
    QTRY_COMPARE(m_secrets->hangingCount(), 1); // now the user key
    QSignalSpy accepted(m_dialog, &QDialog::accepted);
    m_secrets->answerHanging(SecretKeys::userKeyKey(id));
    QTRY_COMPARE(accepted.count(), 1);
    QCOMPARE(m_dialog->createdProfileId(), id);
}

void tst_AccountDialog::rejectClearsKeys()
{
    fill(QStringLiteral("My account"), GoodApi, GoodUser, m_server->baseUrl());
    QTest::mouseClick(find<QPushButton>("showApiKey"), Qt::LeftButton);
    QSignalSpy rejected(m_dialog, &QDialog::rejected);
    QTest::keyClick(find<QLineEdit>("displayName"), Qt::Key_Escape);
    QCOMPARE(rejected.count(), 1);
    QVERIFY(!m_dialog->isVisible());
    QVERIFY(find<QLineEdit>("apiKey")->text().isEmpty());
    QVERIFY(find<QLineEdit>("userKey")->text().isEmpty());
    QCOMPARE(find<QLineEdit>("apiKey")->echoMode(), QLineEdit::Password);
    QVERIFY(m_dialog->createdProfileId().isEmpty());
    QCOMPARE(m_profiles->profiles().size(), 1);
    QTest::qWait(20);
    QCOMPARE(m_secrets->startedCount(), 0);
}

void tst_AccountDialog::showTogglesEchoMode_data()
{
    QTest::addColumn<QString>("edit");
    QTest::addColumn<QString>("button");
    QTest::newRow("API key") << "apiKey"
                             << "showApiKey";
    QTest::newRow("user key") << "userKey"
                              << "showUserKey";
}

void tst_AccountDialog::showTogglesEchoMode()
{
    QFETCH(QString, edit);
    QFETCH(QString, button);
    auto *line = find<QLineEdit>(qPrintable(edit));
    auto *show = find<QPushButton>(qPrintable(button));
    typeInto(qPrintable(edit), GoodApi);
    QCOMPARE(line->echoMode(), QLineEdit::Password);
    QCOMPARE(show->text(), QStringLiteral("Show"));
    QTest::mouseClick(show, Qt::LeftButton);
    QCOMPARE(line->echoMode(), QLineEdit::Normal);
    QCOMPARE(show->text(), QStringLiteral("Hide"));
    QVERIFY(show->isChecked());
    // By keyboard too.
    show->setFocus();
    QTest::keyClick(show, Qt::Key_Space);
    QCOMPARE(line->echoMode(), QLineEdit::Password);
    QCOMPARE(show->text(), QStringLiteral("Show"));
    QCOMPARE(line->text(), GoodApi);
}

void tst_AccountDialog::pasteTrims_data()
{
    QTest::addColumn<QString>("button");
    QTest::addColumn<QString>("edit");
    QTest::addColumn<QString>("clipboard");
    QTest::addColumn<QString>("expected");

    QTest::newRow("plain") << "pasteApiKey"
                           << "apiKey"
                           << "good-api"
                           << "good-api";
    QTest::newRow("trailing newline") << "pasteApiKey"
                                      << "apiKey"
                                      << "good-api\n"
                                      << "good-api";
    QTest::newRow("spaces, tabs and CRLF") << "pasteUserKey"
                                           << "userKey"
                                           << "  \t good-user \r\n"
                                           << "good-user";
    QTest::newRow("empty clipboard keeps the field") << "pasteUserKey"
                                                     << "userKey"
                                                     << " \n "
                                                     << "typed";
}

void tst_AccountDialog::pasteTrims()
{
    QFETCH(QString, button);
    QFETCH(QString, edit);
    QFETCH(QString, clipboard);
    QFETCH(QString, expected);
    typeInto(qPrintable(edit), QStringLiteral("typed"));
    QGuiApplication::clipboard()->setText(clipboard);
    QCOMPARE(QGuiApplication::clipboard()->text(), clipboard);
    QTest::mouseClick(find<QPushButton>(qPrintable(button)), Qt::LeftButton);
    QCOMPARE(find<QLineEdit>(qPrintable(edit))->text(), expected);
    // The user can go on typing or press Enter right there.
    QCOMPARE(QApplication::focusWidget(), find<QLineEdit>(qPrintable(edit)));
    QGuiApplication::clipboard()->clear();
}

void tst_AccountDialog::keyWithInnerSpaceIsRefused()
{
    fill(QStringLiteral("My account"), GoodApi, GoodUser, m_server->baseUrl());
    QGuiApplication::clipboard()->setText(QStringLiteral("good\n-api"));
    QTest::mouseClick(find<QPushButton>("pasteApiKey"), Qt::LeftButton);
    QGuiApplication::clipboard()->clear();
    const QString expected =
        AccountDialog::checkKey(QStringLiteral("good\n-api"), QStringLiteral("API key"));
    QVERIFY(!expected.isEmpty());
    QCOMPARE(m_dialog->shownProblems(AccountDialog::Input::ApiKey), expected.split(u'\n'));
    QVERIFY(!expected.contains(QStringLiteral("good")));
    QVERIFY(!find<QPushButton>("save")->isEnabled());
    QVERIFY(!find<QPushButton>("testConnection")->isEnabled());
}

void tst_AccountDialog::everyInputIsNamed()
{
    QTest::mouseClick(find<QToolButton>("advancedToggle"), Qt::LeftButton);
    QCOMPARE(find<QLineEdit>("apiKey")->accessibleName(), QStringLiteral("API key"));
    QCOMPARE(find<QLineEdit>("userKey")->accessibleName(), QStringLiteral("User key"));
    QList<QLabel *> labels = m_dialog->findChildren<QLabel *>();
    QList<QWidget *> buddies;
    for (QLabel *label : labels) {
        if (label->buddy())
            buddies.append(label->buddy());
    }
    int inputs = 0;
    const auto widgets = m_dialog->findChildren<QWidget *>();
    for (QWidget *widget : widgets) {
        const bool line = qobject_cast<QLineEdit *>(widget);
        if (!line && !qobject_cast<QAbstractButton *>(widget))
            continue;
        // A line edit's own clear button is part of it.
        if (qobject_cast<QLineEdit *>(widget->parentWidget()))
            continue;
        ++inputs;
        const QByteArray what =
            widget->metaObject()->className() + QByteArray(" ") + widget->objectName().toUtf8();
        QVERIFY2(!widget->accessibleName().isEmpty(), what.constData());
        QVERIFY2(!widget->toolTip().isEmpty(), what.constData());
        QVERIFY2(widget->focusPolicy() & Qt::TabFocus, what.constData());
        if (line)
            QVERIFY2(buddies.contains(widget), what.constData());
    }
    QCOMPARE(inputs, 12); // name, 2 keys with Show and Paste, Advanced, server, Test, Save, Cancel
}

void tst_AccountDialog::keysAreNeverShownOrLogged()
{
    // Distinctive values, typed, tested (refused and accepted), saved after a failure.
    const QString api = QStringLiteral("api-7c1f93e0d2");
    const QString user = QStringLiteral("user-5b88a1c4f6");
    fill(QStringLiteral("My account"), api, user, m_server->baseUrl());
    QSignalSpy finished(m_dialog, &AccountDialog::testFinished);
    find<QPushButton>("testConnection")->click();
    QVERIFY(finished.wait(10'000));
    QVERIFY(!finished.first().first().toBool());
    m_secrets->setFailure(SecretStoreError::Kind::AccessDenied);
    QSignalSpy failed(m_dialog, &AccountDialog::saveFailed);
    find<QPushButton>("save")->click();
    QVERIFY(failed.wait(10'000));

    const auto texts = [this] {
        QStringList all { m_dialog->windowTitle() };
        for (QWidget *widget : m_dialog->findChildren<QWidget *>()) {
            all << widget->accessibleName() << widget->accessibleDescription() << widget->toolTip()
                << widget->whatsThis();
            if (auto *label = qobject_cast<QLabel *>(widget))
                all << label->text();
            if (auto *button = qobject_cast<QAbstractButton *>(widget))
                all << button->text();
        }
        return all.join(QLatin1Char('\n'));
    };
    for (const QString &secret : { api, user }) {
        QVERIFY(!texts().contains(secret));
        QVERIFY(!g_messages.join(QLatin1Char('\n')).contains(secret));
    }
    // The log did have something to say: the test, the profile, the failure.
    QVERIFY(g_messages.join(QLatin1Char('\n')).contains(QStringLiteral("my-account")));
    QVERIFY(g_messages.join(QLatin1Char('\n')).contains(QStringLiteral("connection test")));
}

QTEST_MAIN(tst_AccountDialog)
#include "tst_accountdialog.moc"
