// The fault matrix of issue 7: one table, one row per fault, each driven through the parts a
// user's machine has: the real ApiClient over HTTP on loopback (the embedded sandbox, with its
// fault injection, or a refused port, or a TLS server with a self-signed certificate), the real
// CreateFlow / TokenManager, TokenHandOff and PortfolioIndex on a real file, and the real
// keychain (gnome-keyring on a private bus, tests/with-keyring.sh) wherever the row's keychain
// works. For each row it checks what the user is shown (the class of message, and that the
// message names the cause) and that nothing was lost:
//  - the create is sent once, never again on its own, and at most one portfolio exists;
//  - an ambiguous create is reported as OutcomeUnknown, and checking finds what happened;
//  - a secret the keychain refused is still pending in the hand-off, intact;
//  - the index and the keychain agree, during the fault and after it is lifted;
//  - a broken index file is kept (moved aside, or left untouched), never silently replaced.
//
// Secrets are compared with QVERIFY(a == b), never QCOMPARE, so that a failure cannot print
// one.
#include "api/apiclient.h"
#include "sandbox/sandboxserver.h"
#include "session/createflow.h"
#include "session/session.h"
#include "session/tokenmanager.h"
#include "store/indexpreload.h"
#include "store/keychainsecretstore.h"
#include "store/memorysecretstore.h"
#include "store/portfolioindex.h"
#include "store/secretkeys.h"
#include "store/tokenhandoff.h"

#include <QDBusArgument>
#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDBusMessage>
#include <QDBusMetaType>
#include <QDBusObjectPath>
#include <QDBusVariant>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QSignalSpy>
#include <QSslKey>
#include <QSslServer>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <csignal>
#include <sys/types.h>

using namespace agentfolio;
using Fault = SandboxServer::Fault;
using ApiKind = ApiError::Kind;
using StoreKind = SecretStoreError::Kind;
using IndexKind = IndexStatus::Kind;

namespace {

constexpr int WaitMs = 15'000;
const QString PortfoliosPath = QStringLiteral("/api/v1/agent-portfolios");
const QString PortfolioName = QStringLiteral("Matrix01");

// --- The Secret Service, spoken to directly: to lock and unlock the keyring for real, to
// find the daemon (to stall it), and to list our entries (the store API cannot list).

const QString SecretsName = QStringLiteral("org.freedesktop.secrets");
const QString SecretsPath = QStringLiteral("/org/freedesktop/secrets");
const QString DefaultCollection = QStringLiteral("/org/freedesktop/secrets/aliases/default");
// The throwaway login keyring's password, as tests/with-keyring.sh set it.
const QByteArray KeyringPassword = QByteArrayLiteral("agentfolio-test");

struct DBusSecret
{
    QDBusObjectPath session;
    QByteArray parameters;
    QByteArray value;
    QString contentType;
};

QDBusArgument &operator<<(QDBusArgument &argument, const DBusSecret &secret)
{
    argument.beginStructure();
    argument << secret.session << secret.parameters << secret.value << secret.contentType;
    argument.endStructure();
    return argument;
}

const QDBusArgument &operator>>(const QDBusArgument &argument, DBusSecret &secret)
{
    argument.beginStructure();
    argument >> secret.session >> secret.parameters >> secret.value >> secret.contentType;
    argument.endStructure();
    return argument;
}

} // namespace

Q_DECLARE_METATYPE(DBusSecret)

namespace {

QDBusMessage callSecrets(const QString &path, const QString &interface, const QString &method,
                         const QList<QVariant> &arguments = {})
{
    QDBusMessage call = QDBusMessage::createMethodCall(SecretsName, path, interface, method);
    call.setArguments(arguments);
    return QDBusConnection::sessionBus().call(call, QDBus::Block, 5000);
}

QVariant secretsProperty(const QString &path, const QString &interface, const QString &name)
{
    const QDBusMessage reply = callSecrets(path, QStringLiteral("org.freedesktop.DBus.Properties"),
                                           QStringLiteral("Get"), { interface, name });
    if (reply.type() != QDBusMessage::ReplyMessage || reply.arguments().isEmpty())
        return {};
    return reply.arguments().first().value<QDBusVariant>().variant();
}

bool keyringLocked()
{
    return secretsProperty(DefaultCollection, QStringLiteral("org.freedesktop.Secret.Collection"),
                           QStringLiteral("Locked"))
        .toBool();
}

QString lockKeyring()
{
    const QDBusMessage reply = callSecrets(
        SecretsPath, QStringLiteral("org.freedesktop.Secret.Service"), QStringLiteral("Lock"),
        { QVariant::fromValue(QList<QDBusObjectPath> { QDBusObjectPath(DefaultCollection) }) });
    if (reply.type() != QDBusMessage::ReplyMessage)
        return reply.errorMessage();
    return keyringLocked() ? QString() : QStringLiteral("the keyring did not lock");
}

// gnome-keyring's own call for unlocking without a prompt (there is no display to show one).
QString unlockKeyring()
{
    if (!keyringLocked())
        return {};
    const QDBusMessage opened =
        callSecrets(SecretsPath, QStringLiteral("org.freedesktop.Secret.Service"),
                    QStringLiteral("OpenSession"),
                    { QStringLiteral("plain"), QVariant::fromValue(QDBusVariant(QString())) });
    if (opened.type() != QDBusMessage::ReplyMessage || opened.arguments().size() < 2)
        return QStringLiteral("OpenSession: ") + opened.errorMessage();
    const QDBusMessage alias =
        callSecrets(SecretsPath, QStringLiteral("org.freedesktop.Secret.Service"),
                    QStringLiteral("ReadAlias"), { QStringLiteral("default") });
    if (alias.type() != QDBusMessage::ReplyMessage || alias.arguments().isEmpty())
        return QStringLiteral("ReadAlias: ") + alias.errorMessage();
    const DBusSecret master { opened.arguments().at(1).value<QDBusObjectPath>(), QByteArray(),
                              KeyringPassword, QStringLiteral("text/plain") };
    const QDBusMessage reply = callSecrets(
        SecretsPath, QStringLiteral("org.gnome.keyring.InternalUnsupportedGuiltRiddenInterface"),
        QStringLiteral("UnlockWithMasterPassword"),
        { alias.arguments().first(), QVariant::fromValue(master) });
    if (reply.type() != QDBusMessage::ReplyMessage)
        return QStringLiteral("UnlockWithMasterPassword: ") + reply.errorMessage();
    return keyringLocked() ? QStringLiteral("the keyring is still locked") : QString();
}

// The D-Bus paths and keys of every Agentfolio entry in the keyring (never a value).
QMap<QString, QString> keyringEntries(QString *error)
{
    QMap<QString, QString> entries;
    const QDBusMessage reply =
        callSecrets(SecretsPath, QStringLiteral("org.freedesktop.Secret.Service"),
                    QStringLiteral("SearchItems"),
                    { QVariant::fromValue(QMap<QString, QString> {
                        { QStringLiteral("server"), KeychainSecretStore::serviceName() } }) });
    if (reply.type() != QDBusMessage::ReplyMessage || reply.arguments().size() < 2) {
        *error = QStringLiteral("SearchItems: ") + reply.errorMessage();
        return entries;
    }
    QList<QDBusObjectPath> paths;
    for (const QVariant &list : reply.arguments()) {
        QList<QDBusObjectPath> some;
        list.value<QDBusArgument>() >> some;
        paths += some;
    }
    for (const QDBusObjectPath &path : std::as_const(paths)) {
        const QVariant attributes =
            secretsProperty(path.path(), QStringLiteral("org.freedesktop.Secret.Item"),
                            QStringLiteral("Attributes"));
        QMap<QString, QString> map;
        attributes.value<QDBusArgument>() >> map;
        entries.insert(path.path(), map.value(QStringLiteral("user")));
    }
    return entries;
}

QString clearKeyring()
{
    QString error;
    const QMap<QString, QString> entries = keyringEntries(&error);
    for (auto it = entries.cbegin(); it != entries.cend() && error.isEmpty(); ++it) {
        const QDBusMessage reply = callSecrets(
            it.key(), QStringLiteral("org.freedesktop.Secret.Item"), QStringLiteral("Delete"));
        if (reply.type() != QDBusMessage::ReplyMessage)
            error = QStringLiteral("Delete: ") + reply.errorMessage();
    }
    return error;
}

pid_t keyringDaemon()
{
    const auto pid = QDBusConnection::sessionBus().interface()->servicePid(SecretsName);
    return pid.isValid() ? pid_t(pid.value()) : 0;
}

// --- The table.

enum class Operation {
    Create, // CreateFlow::submit, the money path
    AddToken, // TokenManager::addToken on a portfolio the row created first
};

// A state of the sandbox that makes it refuse for real.
enum class Setup {
    None,
    WrongKeys, // 401: the server wants other keys
    NameTaken, // 409: a portfolio of the same name exists
    RateLimitSpent, // 429 TooManyRequests
    TokenCapReached, // 429 MaxUserTokensExceeded: the portfolio has ten tokens
    InvalidName, // 400: the name is too short
};

enum class Target { Sandbox, RefusedPort, SelfSignedTls };

enum class Keychain {
    Works, // the real gnome-keyring, unlocked
    Absent, // no keychain service (injected: MemorySecretStore failing with NoKeychain)
    Locked, // the real keyring, locked; no prompt can be shown
    Stalled, // the real keyring daemon stopped (SIGSTOP), past the store's timeout
};

enum class IndexFile {
    Fine,
    Unwritable, // a regular file where the index's folder should be
    Corrupt, // not JSON
    Newer, // written by a newer Agentfolio (FormatVersion + 1)
};

// Agentfolio killed (SIGKILL, tests/faults/killedhandoff.cpp) during a hand-off, then
// started again on the same index and keychain.
enum class Killed {
    No,
    AfterKeychainWrite, // the keychain has the secret; the index was not told
    BeforeKeychainWrite, // the index records the token; its secret never left the process
};

enum class Outcome {
    Succeeded, // the server made it; the hand-off kept the token
    Failed, // refused or never sent: safe to correct and send again
    OutcomeUnknown, // a create or an add-token that may have happened
};

struct FaultRow
{
    Operation operation = Operation::Create;
    Setup setup = Setup::None;
    Target target = Target::Sandbox;
    std::optional<Fault> fault; // injected on the row's call
    Keychain keychain = Keychain::Works;
    IndexFile index = IndexFile::Fine;
    Killed killed = Killed::No;

    // What the user is shown.
    Outcome outcome = Outcome::Succeeded;
    // Failed: the error's kind; OutcomeUnknown: its underlying kind. Any of these.
    QList<ApiKind> kinds;
    int httpStatus = 0; // the status the error carries (0: no HTTP answer)
    QStringList mentions; // the message names the cause with these words
    std::optional<StoreKind> storeError; // the hand-off keeps the token pending for this
    IndexKind indexStatus = IndexKind::Ok;
    // Killed rows: what the restarted Agentfolio says of the interrupted token.
    InterruptedToken::Outcome recovered = InterruptedToken::Outcome::Found;

    // OutcomeUnknown: token secrets the unreadable answer still carried, which the
    // check must place and hand to the keychain.
    int salvaged = 0;

    // What happened on the server.
    bool processed = false; // a portfolio (or token) was made by the row's call
    int sent = 1; // how many times the call reached the server
};

Fault answer(int status, const QByteArray &contentType, const QByteArray &body,
             const QList<QPair<QByteArray, QByteArray>> &headers = {})
{
    Fault fault {};
    fault.kind = Fault::Kind::Answer;
    fault.method = "POST";
    fault.pathPrefix = PortfoliosPath;
    fault.status = status;
    fault.contentType = contentType;
    fault.body = body;
    fault.headers = headers;
    return fault;
}

Fault sandboxFault(Fault::Kind kind, int delayMs = 0)
{
    Fault fault {};
    fault.kind = kind;
    fault.method = "POST";
    fault.pathPrefix = PortfoliosPath;
    fault.delayMs = delayMs;
    // More than one: a silent re-send would meet the fault again, and be counted.
    fault.times = 3;
    return fault;
}

const QByteArray Json = QByteArrayLiteral("application/json; charset=utf-8");
const QByteArray Html = QByteArrayLiteral("text/html; charset=utf-8");

QByteArray htmlPage(int status)
{
    return QByteArrayLiteral("<html><head><title>") + QByteArray::number(status)
        + QByteArrayLiteral(" Error</title></head><body><h1>") + QByteArray::number(status)
        + QByteArrayLiteral(" Error</h1><p>nginx</p></body></html>");
}

QByteArray jsonError(const char *code, const char *message)
{
    return QByteArrayLiteral("{\"errorCode\":\"") + code
        + QByteArrayLiteral("\",\"errorMessage\":\"") + message + QByteArrayLiteral("\"}");
}

// One HTTP status with the three bodies a server (or a proxy in front of it) sends.
// `jsonMentions` / `otherMentions`: what the message must name with a JSON body / without one.
void addStatusRows(const char *name, int status, const QByteArray &json, ApiKind jsonKind,
                   ApiKind otherKind, const QStringList &jsonMentions,
                   const QStringList &otherMentions, Operation operation,
                   const QList<QPair<QByteArray, QByteArray>> &headers = {})
{
    const bool ambiguous = status >= 500 && operation == Operation::Create;
    const struct
    {
        const char *body;
        QByteArray contentType;
        QByteArray bytes;
        ApiKind kind;
        QStringList mentions;
    } bodies[] = {
        { "JSON", Json, json, jsonKind, jsonMentions },
        { "HTML", Html, htmlPage(status), otherKind, otherMentions },
        { "empty", QByteArray(), QByteArray(), otherKind, otherMentions },
    };
    for (const auto &body : bodies) {
        FaultRow row;
        row.operation = operation;
        row.fault = answer(status, body.contentType, body.bytes, headers);
        if (operation == Operation::AddToken)
            row.fault->pathPrefix.clear(); // the add-token call is the only POST of the row
        row.outcome = ambiguous ? Outcome::OutcomeUnknown : Outcome::Failed;
        row.kinds = { body.kind };
        row.httpStatus = status;
        row.mentions = body.mentions;
        QTest::addRow("%s %s", name, body.body) << row;
    }
}

} // namespace

Q_DECLARE_METATYPE(FaultRow)

class TestFaultMatrix : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();
    void faults_data();
    void faults();

private:
    CreatePortfolioRequest createRequest() const;
    void startSession(const FaultRow &row);
    void prepareIndexFile(IndexFile fault);
    void applySetup(Setup setup, const QString &portfolioId);
    // The index and the keychain agree: every token the index says is stored has its secret
    // in the keychain (equal to what the server gave, when known), and every secret in the
    // keychain for the profile belongs to a token in the index.
    void verifyAgreement(const QList<IndexedPortfolio> &portfolios);
    std::optional<SecretResult> readSecret(const QString &tokenId);
    QStringList keychainTokenIds(QString *error);
    void liftFaults(const FaultRow &row);
    // The killed rows: a real hand-off in a child process that is killed midway, then this
    // process starts as the next Agentfolio would.
    void killedHandOff(const FaultRow &row);

    QString profile() const { return Profile::sandboxId(); }
    QString indexPath() const { return m_indexPath; }

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_indexPath;
    QByteArray m_indexBytesBefore; // what the broken index file held
    std::unique_ptr<SecretStore> m_secrets;
    MemorySecretStore *m_memorySecrets = nullptr; // m_secrets, for the absent keychain
    std::unique_ptr<Session> m_session;
    std::unique_ptr<CreateFlow> m_flow;
    std::unique_ptr<TokenManager> m_manager;
    std::unique_ptr<QSslServer> m_tls;
    QByteArray m_tlsReceived;
    pid_t m_stoppedDaemon = 0;
    QHash<QString, Secret> m_knownSecrets; // token id -> the secret the server gave
    std::unique_ptr<QSignalSpy> m_interrupted; // TokenHandOff::interruptedTokensChecked
};

void TestFaultMatrix::initTestCase()
{
    qDBusRegisterMetaType<DBusSecret>();
    qDBusRegisterMetaType<QMap<QString, QString>>(); // a{ss}: attributes
    // tests/with-keyring.sh gives this test a throwaway HOME and keyring; refuse a real one:
    // the test locks, stalls and empties the keyring.
    QVERIFY2(QDir::homePath().startsWith(QDir::tempPath()),
             "HOME is not a throwaway directory; run through ctest (with-keyring.sh)");
    QVERIFY2(QDBusConnection::sessionBus().interface()->isServiceRegistered(SecretsName),
             "no Secret Service on the test's session bus");
}

CreatePortfolioRequest TestFaultMatrix::createRequest() const
{
    CreatePortfolioRequest request;
    request.investment = Money::fromCents(200000);
    request.portfolioName = PortfolioName;
    request.tokenName = QStringLiteral("agent-token");
    request.scopeIds = { 200, 202 };
    request.description = QStringLiteral("Fault matrix");
    return request;
}

void TestFaultMatrix::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_indexPath = m_dir->filePath(QStringLiteral("index.json"));
    m_indexBytesBefore.clear();
    m_knownSecrets.clear();
    m_tlsReceived.clear();
    // Every row starts from an unlocked, empty keyring.
    const QString unlocked = unlockKeyring();
    QVERIFY2(unlocked.isEmpty(), qPrintable(unlocked));
    const QString cleared = clearKeyring();
    QVERIFY2(cleared.isEmpty(), qPrintable(cleared));
}

void TestFaultMatrix::cleanup()
{
    if (m_stoppedDaemon) {
        ::kill(m_stoppedDaemon, SIGCONT);
        m_stoppedDaemon = 0;
    }
    m_manager.reset();
    m_flow.reset();
    m_interrupted.reset();
    m_session.reset();
    m_secrets.reset();
    m_memorySecrets = nullptr;
    m_tls.reset();
    m_dir.reset();
    // A failed row may have left the keyring locked; the next row needs it open.
    unlockKeyring();
}

void TestFaultMatrix::prepareIndexFile(IndexFile fault)
{
    switch (fault) {
    case IndexFile::Fine:
        return;
    case IndexFile::Unwritable: {
        // CI runs as root, for whom no permission bit stops a write: a regular file where the
        // index's folder should be stops it for anyone.
        const QString blocker = m_dir->filePath(QStringLiteral("data"));
        QFile file(blocker);
        QVERIFY(file.open(QIODevice::WriteOnly));
        m_indexPath = blocker + QStringLiteral("/index.json");
        return;
    }
    case IndexFile::Corrupt:
        m_indexBytesBefore = QByteArrayLiteral("{\"format\": \"agentfolio-index\", \"vers");
        break;
    case IndexFile::Newer:
        m_indexBytesBefore = QByteArrayLiteral("{\"format\": \"agentfolio-index\", \"version\": ")
            + QByteArray::number(PortfolioIndex::FormatVersion + 1)
            + QByteArrayLiteral(", \"profiles\": {}, \"fromTheFuture\": true}\n");
        break;
    }
    QFile file(m_indexPath);
    QVERIFY(file.open(QIODevice::WriteOnly));
    QCOMPARE(file.write(m_indexBytesBefore), m_indexBytesBefore.size());
}

void TestFaultMatrix::startSession(const FaultRow &row)
{
    prepareIndexFile(row.index);
    if (QTest::currentTestFailed())
        return;
    if (row.keychain == Keychain::Absent) {
        auto memory = std::make_unique<MemorySecretStore>();
        m_memorySecrets = memory.get();
        m_secrets = std::move(memory);
    } else {
        m_secrets = std::make_unique<KeychainSecretStore>();
    }
    // Short enough for a quick suite, long enough for a real keyring that is not stalled.
    m_secrets->setTimeout(std::chrono::milliseconds(3000));

    SessionOptions options;
    // As the app starts: the index read on a thread while the rest is set up.
    options.indexPreload = std::make_shared<IndexPreload>(m_indexPath);
    options.settingsFile = m_dir->filePath(QStringLiteral("settings.ini"));
    options.sandboxStateFile = m_dir->filePath(QStringLiteral("sandbox.json"));
    options.secretStore = m_secrets.get();
    m_session = std::make_unique<Session>(options);
    // Before activation: a profile that becomes ready finishes interrupted hand-offs.
    m_interrupted =
        std::make_unique<QSignalSpy>(m_session->handOff(), &TokenHandOff::interruptedTokensChecked);
    m_session->activate(profile());
    QTRY_VERIFY_WITH_TIMEOUT(m_session->isReady(), WaitMs);
    QVERIFY(m_session->sandbox());
    m_session->client()->setTimeout(std::chrono::milliseconds(1000));
    m_flow = std::make_unique<CreateFlow>(m_session.get());
    m_manager = std::make_unique<TokenManager>(m_session.get());

    if (row.keychain != Keychain::Absent) {
        // One answered call first, so that a fault hits the row's write, not the connection.
        const auto warm = readSecret(QStringLiteral("warm-up"));
        QVERIFY(warm && warm->error);
        QCOMPARE(warm->error->kind, StoreKind::NotFound);
    }
}

void TestFaultMatrix::applySetup(Setup setup, const QString &portfolioId)
{
    SandboxServer *sandbox = m_session->sandbox();
    switch (setup) {
    case Setup::None:
    case Setup::InvalidName:
        return;
    case Setup::WrongKeys:
        sandbox->setRequiredKeys(QStringLiteral("other-api-key"), QStringLiteral("other-user-key"));
        return;
    case Setup::NameTaken: {
        // Made by someone else (another machine): the index does not know it.
        CreatePortfolioRequest elsewhere = createRequest();
        elsewhere.portfolioName = PortfolioName.toUpper();
        ApiReply *reply = m_session->client()->createPortfolio(elsewhere);
        QSignalSpy finished(reply, &ApiReply::finished);
        QVERIFY(finished.wait(WaitMs));
        QVERIFY(reply->isOk());
        return;
    }
    case Setup::RateLimitSpent: {
        // One request a minute, and this one uses it up.
        sandbox->setRateLimit(1, 60);
        ApiReply *reply = m_session->client()->listPortfolios();
        QSignalSpy finished(reply, &ApiReply::finished);
        QVERIFY(finished.wait(WaitMs));
        QVERIFY(reply->isOk());
        return;
    }
    case Setup::TokenCapReached:
        // The portfolio came with one token; nine more reach eToro's cap of ten. Made through
        // the client alone: their secrets are of no concern to this row.
        for (int i = 2; i <= 10; ++i) {
            AddTokenRequest request;
            request.tokenName = QStringLiteral("filler-%1").arg(i);
            request.scopeIds = { 201 };
            ApiReply *reply = m_session->client()->addToken(portfolioId, request);
            QSignalSpy finished(reply, &ApiReply::finished);
            QVERIFY(finished.wait(WaitMs));
            QVERIFY(reply->isOk());
        }
        return;
    }
}

std::optional<SecretResult> TestFaultMatrix::readSecret(const QString &tokenId)
{
    std::optional<SecretResult> answer;
    m_secrets->read(SecretKeys::tokenKey(profile(), tokenId), this,
                    [&answer](const SecretResult &result) { answer = result; });
    if (!QTest::qWaitFor([&] { return answer.has_value(); }, WaitMs))
        qWarning("the secret store did not answer");
    return answer;
}

QStringList TestFaultMatrix::keychainTokenIds(QString *error)
{
    const QString prefix = SecretKeys::tokenKey(profile(), QStringLiteral("x")).chopped(1);
    QStringList keys;
    if (m_memorySecrets) {
        keys = m_memorySecrets->keys();
    } else {
        keys = keyringEntries(error).values();
    }
    QStringList ids;
    for (const QString &key : std::as_const(keys)) {
        if (key.startsWith(prefix))
            ids.append(key.mid(prefix.size()));
    }
    return ids;
}

void TestFaultMatrix::verifyAgreement(const QList<IndexedPortfolio> &portfolios)
{
    QSet<QString> indexed;
    for (const IndexedPortfolio &portfolio : portfolios) {
        for (const IndexedToken &token : portfolio.tokens) {
            indexed.insert(token.token.id);
            if (!token.secretStored)
                continue;
            const auto stored = readSecret(token.token.id);
            QVERIFY(stored);
            QVERIFY2(stored->ok(),
                     qPrintable(QStringLiteral("the index says token %1's secret is stored, but "
                                               "the keychain says: %2")
                                    .arg(token.token.id,
                                         stored->error ? stored->error->message : QString())));
            if (m_knownSecrets.contains(token.token.id))
                QVERIFY2(stored->secret == m_knownSecrets.value(token.token.id),
                         "the keychain holds another secret than the server gave");
        }
    }
    QString error;
    const QStringList inKeychain = keychainTokenIds(&error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    for (const QString &id : inKeychain)
        QVERIFY2(indexed.contains(id),
                 qPrintable(QStringLiteral("the keychain holds the secret of token %1, which the "
                                           "index does not know: orphaned")
                                .arg(id)));
}

void TestFaultMatrix::liftFaults(const FaultRow &row)
{
    m_session->sandbox()->clearFaults();
    m_session->sandbox()->setRequiredKeys(QString(), QString());
    m_session->sandbox()->setRateLimit(0, 60);
    switch (row.keychain) {
    case Keychain::Works:
        break;
    case Keychain::Absent:
        m_memorySecrets->setFailure(std::nullopt);
        break;
    case Keychain::Locked: {
        const QString unlocked = unlockKeyring();
        QVERIFY2(unlocked.isEmpty(), qPrintable(unlocked));
        break;
    }
    case Keychain::Stalled:
        QCOMPARE(::kill(m_stoppedDaemon, SIGCONT), 0);
        m_stoppedDaemon = 0;
        break;
    }
    if (row.index == IndexFile::Unwritable)
        QVERIFY(QFile::remove(QFileInfo(m_indexPath).absolutePath()));
}

void TestFaultMatrix::faults_data()
{
    QTest::addColumn<FaultRow>("row");

    // --- The server refuses: every status with a JSON, an HTML and an empty body. A 4xx
    // means nothing was made; a 5xx on a create may come from a proxy after the server
    // acted, so it is ambiguous.
    const QString Status = QStringLiteral("%1");
    addStatusRows("400", 400,
                  QByteArrayLiteral("{\"errorCode\":\"ValidationFailed\",\"errorMessage\":\"Agent-"
                                    "portfolio name must be unique\",\"field\":\"portfolioName\"}"),
                  ApiKind::Validation, ApiKind::Validation, { QStringLiteral("name") },
                  { QStringLiteral("400") }, Operation::Create);
    addStatusRows("401", 401, jsonError("Unauthorized", "Invalid user key"), ApiKind::Unauthorized,
                  ApiKind::Unauthorized, { QStringLiteral("401") }, { QStringLiteral("401") },
                  Operation::Create);
    addStatusRows("403", 403, jsonError("Forbidden", "Agent portfolio keys cannot do this"),
                  ApiKind::Forbidden, ApiKind::Forbidden, { QStringLiteral("403") },
                  { QStringLiteral("403") }, Operation::Create);
    addStatusRows("404", 404, jsonError("NotFound", "No such agent portfolio"), ApiKind::NotFound,
                  ApiKind::NotFound, { QStringLiteral("404") }, { QStringLiteral("404") },
                  Operation::AddToken);
    addStatusRows("409", 409,
                  jsonError("AgentPortfolioNameAlreadyExists", "The name is already taken"),
                  ApiKind::Conflict, ApiKind::Conflict, { QStringLiteral("409") },
                  { QStringLiteral("409") }, Operation::Create);
    addStatusRows("429 rate limit", 429, jsonError("TooManyRequests", "Slow down"),
                  ApiKind::RateLimited, ApiKind::RateLimited, { QStringLiteral("30 second") },
                  { QStringLiteral("30 second") }, Operation::Create, { { "Retry-After", "30" } });
    // Only the JSON body tells the token cap from a rate limit; without it, a 429 is a
    // rate limit (here without Retry-After: "wait a minute").
    addStatusRows("429 token quota", 429,
                  jsonError("MaxUserTokensExceeded", "Maximum number of user tokens reached"),
                  ApiKind::TokenQuotaExceeded, ApiKind::RateLimited,
                  { QStringLiteral("most tokens") }, { QStringLiteral("too many requests") },
                  Operation::AddToken);
    // A 5xx on a create is ambiguous; the message must still say what the server answered.
    for (const int status : { 500, 502, 503 }) {
        const QByteArray name = QByteArray::number(status);
        addStatusRows(name.constData(), status,
                      jsonError("UnhandledException", "An unexpected error occurred"),
                      ApiKind::ServerError, ApiKind::ServerError, { Status.arg(status) },
                      { Status.arg(status) }, Operation::Create);
    }

    // --- The same refusals, from the sandbox's own logic rather than a canned answer.
    {
        FaultRow row;
        row.setup = Setup::InvalidName;
        row.outcome = Outcome::Failed;
        row.kinds = { ApiKind::Validation };
        row.httpStatus = 400;
        row.mentions = { QStringLiteral("name") };
        QTest::newRow("400 sandbox: name too short") << row;
        row.setup = Setup::WrongKeys;
        row.kinds = { ApiKind::Unauthorized };
        row.httpStatus = 401;
        row.mentions = { QStringLiteral("401") };
        QTest::newRow("401 sandbox: wrong keys") << row;
        row.setup = Setup::NameTaken;
        row.kinds = { ApiKind::Conflict };
        row.httpStatus = 409;
        row.mentions = { QStringLiteral("409") };
        QTest::newRow("409 sandbox: name taken") << row;
        row.setup = Setup::RateLimitSpent;
        row.kinds = { ApiKind::RateLimited };
        row.httpStatus = 429;
        row.mentions = { QStringLiteral("second") };
        QTest::newRow("429 sandbox: rate limit") << row;
        row.operation = Operation::AddToken;
        row.setup = Setup::TokenCapReached;
        row.kinds = { ApiKind::TokenQuotaExceeded };
        row.mentions = { QStringLiteral("token") };
        QTest::newRow("429 sandbox: token cap") << row;
    }

    // --- The answer is broken or missing, after the server acted (processed) or before.
    {
        FaultRow row;
        row.outcome = Outcome::OutcomeUnknown;
        row.fault = sandboxFault(Fault::Kind::MalformedBody);
        row.kinds = { ApiKind::MalformedResponse };
        row.httpStatus = 201;
        row.processed = true;
        QTest::newRow("201 body cut mid-JSON") << row;
        // Valid JSON that lacks what the client needs: the portfolio is not known from the
        // answer, but the token secret in it is kept and stored once the check finds it.
        row.fault = sandboxFault(Fault::Kind::WithoutPortfolioId);
        row.salvaged = 1;
        row.mentions = { QStringLiteral("agentPortfolioId") };
        QTest::newRow("201 without the portfolio id (token kept)") << row;
        row.fault = sandboxFault(Fault::Kind::WithoutIds);
        QTest::newRow("201 without any id (token kept, found by name)") << row;
        row.salvaged = 0;
        row.mentions = {};
        row.fault = sandboxFault(Fault::Kind::TruncatedBody);
        // Qt reports a cut body as a short read or as a closed connection.
        row.kinds = { ApiKind::MalformedResponse, ApiKind::Network };
        row.httpStatus = -1; // either 201 or none, by the same token
        QTest::newRow("201 shorter than its Content-Length") << row;
        row.fault = sandboxFault(Fault::Kind::HugeBody);
        row.kinds = { ApiKind::MalformedResponse };
        row.httpStatus = 200;
        row.mentions = { QStringLiteral("MiB") };
        QTest::newRow("2 MiB body") << row;
        row.fault = sandboxFault(Fault::Kind::Delay, 2500);
        row.kinds = { ApiKind::Timeout };
        row.httpStatus = 0;
        row.mentions = { QStringLiteral("second") };
        QTest::newRow("slow server past the timeout") << row;
        row.fault = sandboxFault(Fault::Kind::DropAfterProcessing);
        row.kinds = { ApiKind::Network };
        row.mentions = {};
        QTest::newRow("reset after the request was processed") << row;
        row.fault = sandboxFault(Fault::Kind::DropBeforeProcessing);
        row.processed = false;
        QTest::newRow("reset before the request was processed") << row;
        row.fault = sandboxFault(Fault::Kind::Redirect);
        row.kinds = { ApiKind::Redirect };
        row.httpStatus = 307;
        row.mentions = { PortfoliosPath };
        QTest::newRow("redirect (never followed)") << row;
    }

    // --- The same for adding a token: its value is shown once, so an answer lost after the
    // server acted is never "not added", and Qt never sends the request again by itself.
    {
        FaultRow row;
        row.operation = Operation::AddToken;
        row.outcome = Outcome::OutcomeUnknown;
        row.processed = true;
        row.fault = sandboxFault(Fault::Kind::MalformedBody);
        row.kinds = { ApiKind::MalformedResponse };
        row.httpStatus = 201;
        QTest::newRow("add-token: 201 body cut mid-JSON") << row;
        row.fault = sandboxFault(Fault::Kind::Delay, 2500);
        row.kinds = { ApiKind::Timeout };
        row.httpStatus = 0;
        row.mentions = { QStringLiteral("second") };
        QTest::newRow("add-token: slow server past the timeout") << row;
        row.fault = sandboxFault(Fault::Kind::DropAfterProcessing);
        row.kinds = { ApiKind::Network };
        row.mentions = {};
        QTest::newRow("add-token: reset after the request was processed") << row;
        row.fault = sandboxFault(Fault::Kind::DropBeforeProcessing);
        row.processed = false;
        QTest::newRow("add-token: reset before the request was processed") << row;
    }
    {
        FaultRow row;
        row.outcome = Outcome::Failed;
        row.target = Target::RefusedPort;
        row.kinds = { ApiKind::Network };
        row.sent = 0;
        row.mentions = { QStringLiteral("refused") };
        QTest::newRow("connection refused") << row;
        row.target = Target::SelfSignedTls;
        row.kinds = { ApiKind::Tls };
        row.mentions = { QStringLiteral("certificate") };
        QTest::newRow("https with a self-signed certificate (refused)") << row;
    }

    // --- The server made the portfolio; the keychain does not take the token.
    {
        FaultRow row;
        row.processed = true;
        row.keychain = Keychain::Absent;
        row.storeError = StoreKind::NoKeychain;
        QTest::newRow("keychain absent") << row;
        row.keychain = Keychain::Locked;
        row.storeError = StoreKind::AccessDenied;
        QTest::newRow("keychain locked (no prompt possible)") << row;
        row.keychain = Keychain::Stalled;
        row.storeError = StoreKind::TimedOut;
        QTest::newRow("keychain slow past the timeout") << row;
    }

    // --- The server made the portfolio; the index file is broken.
    {
        FaultRow row;
        row.processed = true;
        row.index = IndexFile::Unwritable;
        row.indexStatus = IndexKind::WriteFailed;
        QTest::newRow("index unwritable") << row;
        row.index = IndexFile::Corrupt;
        row.indexStatus = IndexKind::CorruptMovedAside;
        QTest::newRow("index corrupt") << row;
        row.index = IndexFile::Newer;
        row.indexStatus = IndexKind::NewerVersion;
        QTest::newRow("index from a newer version") << row;
    }

    // --- Killed midway through a hand-off, started again: the token is found or reported,
    // never silently lost.
    {
        FaultRow row;
        row.killed = Killed::AfterKeychainWrite;
        row.recovered = InterruptedToken::Outcome::Found;
        row.mentions = { QStringLiteral("bot-killed"), QStringLiteral("Killed1") };
        row.sent = 0;
        QTest::newRow("killed between the keychain write and the index write") << row;
        row.killed = Killed::BeforeKeychainWrite;
        row.recovered = InterruptedToken::Outcome::Lost;
        QTest::newRow("killed before the keychain write") << row;
        // Started again with the keyring locked: a locked gnome-keyring answers reads with
        // "no such entry", which must not make the stored token lost. It is asked again once
        // the keyring is open.
        row.keychain = Keychain::Locked;
        row.killed = Killed::AfterKeychainWrite;
        row.recovered = InterruptedToken::Outcome::Found;
        QTest::newRow("killed after the keychain write, keychain locked at restart") << row;
        row.killed = Killed::BeforeKeychainWrite;
        row.recovered = InterruptedToken::Outcome::Lost;
        QTest::newRow("killed before the keychain write, keychain locked at restart") << row;
    }
}

void TestFaultMatrix::killedHandOff(const FaultRow &row)
{
    const Secret secret(
        QStringLiteral("killed-secret-%1").arg(QUuid::createUuid().toString(QUuid::WithoutBraces)));
    QProcess child;
    child.setProgram(QStringLiteral(KILLEDHANDOFF_PATH));
    child.setArguments({ m_indexPath, profile(),
                         row.killed == Killed::AfterKeychainWrite
                             ? QStringLiteral("after-keychain-write")
                             : QStringLiteral("before-keychain-write") });
    child.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    child.start();
    QVERIFY(child.waitForStarted(WaitMs));
    child.write(secret.reveal().toUtf8()); // on stdin: never on a command line
    child.closeWriteChannel();
    QVERIFY(child.waitForFinished(WaitMs));
    QCOMPARE(child.exitStatus(), QProcess::CrashExit);

    // What the dead Agentfolio left: the portfolio and its token, still marked.
    {
        PortfolioIndex left(m_indexPath);
        QVERIFY(left.load());
        const QList<IndexedPortfolio> portfolios = left.portfolios(profile());
        QCOMPARE(portfolios.size(), 1);
        QCOMPARE(portfolios.first().tokens.size(), 1);
        const IndexedToken &token = portfolios.first().tokens.first();
        QVERIFY(!token.secretStored);
        QVERIFY(!token.handOffOwner.isEmpty());
        QString error;
        QCOMPARE(keychainTokenIds(&error).contains(token.token.id),
                 row.killed == Killed::AfterKeychainWrite);
    }

    // The next Agentfolio.
    if (row.keychain == Keychain::Locked) {
        const QString locked = lockKeyring();
        QVERIFY2(locked.isEmpty(), qPrintable(locked));
    }
    startSession(row);
    if (QTest::currentTestFailed())
        return;
    QTRY_COMPARE_WITH_TIMEOUT(m_interrupted->size(), 1, WaitMs);
    if (row.keychain == Keychain::Locked) {
        // Nothing is concluded from a locked keychain: the token stays marked, unsettled.
        const auto unchecked = m_interrupted->first().at(1).value<QList<InterruptedToken>>();
        QCOMPARE(unchecked.size(), 1);
        QCOMPARE(unchecked.first().outcome, InterruptedToken::Outcome::Unchecked);
        QVERIFY(unchecked.first().error);
        const auto marked = m_session->index()->token(profile(), unchecked.first().portfolioId,
                                                      unchecked.first().tokenId);
        QVERIFY(marked);
        QVERIFY(!marked->secretStored);
        QVERIFY(!marked->handOffOwner.isEmpty());
        // Opened, and asked again (as the next start would): now it is settled.
        const QString unlocked = unlockKeyring();
        QVERIFY2(unlocked.isEmpty(), qPrintable(unlocked));
        m_interrupted->clear();
        m_session->handOff()->recoverInterrupted(profile());
        QTRY_COMPARE_WITH_TIMEOUT(m_interrupted->size(), 1, WaitMs);
    }
    const auto tokens = m_interrupted->first().at(1).value<QList<InterruptedToken>>();
    QCOMPARE(tokens.size(), 1);
    const InterruptedToken &reported = tokens.first();
    QCOMPARE(reported.outcome, row.recovered);
    for (const QString &word : row.mentions)
        QVERIFY2(reported.tokenName.contains(word) || reported.portfolioName.contains(word),
                 qPrintable(word));
    const QString tokenId = reported.tokenId;
    if (row.recovered == InterruptedToken::Outcome::Found)
        m_knownSecrets.insert(tokenId, secret);

    // Settled in the index, which agrees with the keychain, on disk as in memory.
    PortfolioIndex *index = m_session->index();
    const auto token = index->token(profile(), reported.portfolioId, tokenId);
    QVERIFY(token);
    QCOMPARE(token->secretStored, row.recovered == InterruptedToken::Outcome::Found);
    QVERIFY(token->handOffOwner.isEmpty());
    verifyAgreement(index->portfolios(profile()));
    QVERIFY(index->flush());
    PortfolioIndex reread(m_indexPath);
    QVERIFY(reread.load());
    QCOMPARE(reread.portfolios(profile()), index->portfolios(profile()));
    // Reported once: a later start has nothing more to say.
    m_session->handOff()->recoverInterrupted(profile());
    QTest::qWait(100);
    QCOMPARE(m_interrupted->size(), 1);
    // Nothing reached the server: the child only handed a token off.
    QCOMPARE(m_session->sandbox()->requestCount("POST"), row.sent);
}

void TestFaultMatrix::faults()
{
    QFETCH(FaultRow, row);
    if (row.killed != Killed::No) {
        killedHandOff(row);
        return;
    }
    startSession(row);
    if (QTest::currentTestFailed())
        return;
    SandboxServer *sandbox = m_session->sandbox();
    TokenHandOff *handOff = m_session->handOff();
    PortfolioIndex *index = m_session->index();

    // --- Before the row's call: what a token operation needs, and the broken index seen.
    QString portfolioId;
    if (row.operation == Operation::AddToken) {
        QSignalSpy handedOff(handOff, &TokenHandOff::handOffFinished);
        QVERIFY(m_flow->submit(createRequest()));
        QTRY_COMPARE_WITH_TIMEOUT(m_flow->state(), CreateFlow::State::Succeeded, WaitMs);
        QTRY_COMPARE_WITH_TIMEOUT(handedOff.size(), 1, WaitMs);
        portfolioId = m_flow->result().portfolio.id;
        const CreatedToken first = m_flow->result().createdTokens.first();
        m_knownSecrets.insert(first.token.id, first.secret);
    }
    applySetup(row.setup, portfolioId);
    if (QTest::currentTestFailed())
        return;
    if (row.index == IndexFile::Corrupt || row.index == IndexFile::Newer) {
        QCOMPARE(index->status().kind, row.indexStatus);
        QVERIFY2(index->status().message.contains(QDir::toNativeSeparators(m_indexPath)),
                 qPrintable(index->status().message));
    }
    const int portfoliosBefore = int(sandbox->portfolios().size());
    sandbox->clearRequests();

    // --- The fault.
    if (row.fault)
        sandbox->injectFault(*row.fault);
    switch (row.target) {
    case Target::Sandbox:
        break;
    case Target::RefusedPort: {
        QTcpServer closed;
        QVERIFY(closed.listen(QHostAddress::LocalHost));
        const quint16 port = closed.serverPort();
        closed.close();
        QVERIFY(
            m_session->client()->setBaseUrl(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port))));
        break;
    }
    case Target::SelfSignedTls: {
        QFile certFile(QStringLiteral(AGENTFOLIO_TEST_DATA "/selfsigned-cert.pem"));
        QFile keyFile(QStringLiteral(AGENTFOLIO_TEST_DATA "/selfsigned-key.pem"));
        QVERIFY(certFile.open(QIODevice::ReadOnly) && keyFile.open(QIODevice::ReadOnly));
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        tls.setLocalCertificate(QSslCertificate(certFile.readAll()));
        tls.setPrivateKey(QSslKey(keyFile.readAll(), QSsl::Rsa));
        m_tls = std::make_unique<QSslServer>();
        m_tls->setSslConfiguration(tls);
        QSslServer *server = m_tls.get();
        connect(server, &QSslServer::pendingConnectionAvailable, this, [this, server] {
            while (QTcpSocket *socket = server->nextPendingConnection())
                connect(socket, &QTcpSocket::readyRead, socket,
                        [this, socket] { m_tlsReceived += socket->readAll(); });
        });
        QVERIFY(server->listen(QHostAddress::LocalHost));
        QVERIFY(m_session->client()->setBaseUrl(
            QUrl(QStringLiteral("https://127.0.0.1:%1").arg(server->serverPort()))));
        break;
    }
    }
    switch (row.keychain) {
    case Keychain::Works:
        break;
    case Keychain::Absent:
        m_memorySecrets->setFailure(StoreKind::NoKeychain);
        break;
    case Keychain::Locked: {
        const QString locked = lockKeyring();
        QVERIFY2(locked.isEmpty(), qPrintable(locked));
        break;
    }
    case Keychain::Stalled:
        m_stoppedDaemon = keyringDaemon();
        QVERIFY(m_stoppedDaemon > 1);
        m_secrets->setTimeout(std::chrono::milliseconds(800));
        QCOMPARE(::kill(m_stoppedDaemon, SIGSTOP), 0);
        break;
    }

    // --- The row's call, as the user makes it.
    QSignalSpy handedOff(handOff, &TokenHandOff::handOffFinished);
    QSignalSpy pending(handOff, &TokenHandOff::tokenPending);
    QString shown; // the message the user is shown
    std::optional<ApiError> error;
    QString tokenId; // the token the row's call made, when it made one
    Secret tokenSecret;
    if (row.operation == Operation::Create) {
        CreatePortfolioRequest request = createRequest();
        if (row.setup == Setup::InvalidName)
            request.portfolioName = QStringLiteral("Bad");
        QVERIFY(m_flow->submit(request));
        QTRY_VERIFY_WITH_TIMEOUT(!m_flow->isBusy(), WaitMs);
        error = m_flow->lastError();
        if (error)
            shown = error->message();
        if (m_flow->state() == CreateFlow::State::Succeeded) {
            const CreatePortfolioResult &result = m_flow->result();
            portfolioId = result.portfolio.id;
            QCOMPARE(result.createdTokens.size(), 1);
            tokenId = result.createdTokens.first().token.id;
            tokenSecret = result.createdTokens.first().secret;
        }
    } else {
        AddTokenRequest request;
        request.tokenName = QStringLiteral("second-token");
        request.scopeIds = { 201 };
        std::optional<std::pair<TokenActionOutcome, CreatedToken>> added;
        m_manager->addToken(portfolioId, request, this,
                            [&added](const TokenActionOutcome &outcome, const CreatedToken &token) {
                                added = std::make_pair(outcome, token);
                            });
        QTRY_VERIFY_WITH_TIMEOUT(added.has_value(), WaitMs);
        error = added->first.apiError;
        shown = added->first.message;
        if (added->first.ok) {
            tokenId = added->second.token.id;
            tokenSecret = added->second.secret;
        }
    }
    if (!tokenId.isEmpty())
        m_knownSecrets.insert(tokenId, tokenSecret);

    // --- What the user is shown.
    switch (row.outcome) {
    case Outcome::Succeeded:
        QVERIFY2(!error, qPrintable(error ? error->summary() : QString()));
        QVERIFY(!tokenId.isEmpty());
        break;
    case Outcome::Failed:
        QVERIFY2(error, "the call succeeded; the row expects a refusal");
        QVERIFY2(row.kinds.contains(error->kind), qPrintable(error->summary()));
        if (row.operation == Operation::Create)
            QCOMPARE(m_flow->state(), CreateFlow::State::Failed);
        break;
    case Outcome::OutcomeUnknown:
        QVERIFY2(error, "the call succeeded; the row expects an unknown outcome");
        // Reported as unknown, never as a failure: the user must not simply send it again.
        QVERIFY2(error->kind == ApiKind::OutcomeUnknown, qPrintable(error->summary()));
        QVERIFY(error->underlying);
        QVERIFY2(row.kinds.contains(*error->underlying), qPrintable(error->summary()));
        QVERIFY2(shown.contains(QStringLiteral("outcome is unknown")), qPrintable(shown));
        if (row.operation == Operation::Create) {
            QCOMPARE(m_flow->state(), CreateFlow::State::OutcomeUnknown);
            QCOMPARE(m_flow->salvagedTokenCount(), row.salvaged);
        } else {
            QVERIFY2(shown.contains(QStringLiteral("may have been added"))
                         && !shown.contains(QStringLiteral("not added")),
                     qPrintable(shown));
        }
        break;
    }
    if (error) {
        QVERIFY(!shown.trimmed().isEmpty());
        if (row.httpStatus >= 0)
            QCOMPARE(error->httpStatus, row.httpStatus);
        QCOMPARE(error->requestId.isNull(), false);
        for (const QString &word : row.mentions)
            QVERIFY2(shown.contains(word, Qt::CaseInsensitive),
                     qPrintable(QStringLiteral("\"%1\" does not mention \"%2\" (%3)")
                                    .arg(shown, word, error->summary())));
    }

    // --- Sent once, never again on its own; at most the one portfolio or token made.
    if (row.outcome == Outcome::OutcomeUnknown) {
        // Until the user has checked, nothing can send it again.
        if (row.operation == Operation::Create)
            QVERIFY(!m_flow->submit(createRequest()));
        QTest::qWait(200); // room for a silent re-send to show
    }
    const QString callPath = row.operation == Operation::Create
        ? PortfoliosPath
        : PortfoliosPath + QLatin1Char('/') + portfolioId + QStringLiteral("/user-tokens");
    QCOMPARE(sandbox->requestCount("POST", callPath), row.sent);
    QCOMPARE(sandbox->requestCount("POST"), row.sent);
    if (row.target == Target::SelfSignedTls)
        QVERIFY2(m_tlsReceived.isEmpty(), "bytes crossed a refused TLS connection");
    const int made = row.operation == Operation::Create && row.processed ? 1 : 0;
    QTRY_COMPARE_WITH_TIMEOUT(int(sandbox->portfolios().size()), portfoliosBefore + made, WaitMs);
    if (row.operation == Operation::AddToken && row.outcome != Outcome::Failed) {
        const auto tokensOnServer = [&] {
            for (const Portfolio &portfolio : sandbox->portfolios()) {
                if (portfolio.id == portfolioId)
                    return int(portfolio.tokens.size());
            }
            return -1;
        };
        QTRY_COMPARE_WITH_TIMEOUT(tokensOnServer(), row.processed ? 2 : 1, WaitMs);
    }

    // --- The hand-off: a token the keychain refused is still pending, intact.
    if (!tokenId.isEmpty()) {
        QTRY_VERIFY_WITH_TIMEOUT(handedOff.size() >= 1, WaitMs);
        const auto held = handOff->pendingToken(tokenId);
        if (row.storeError) {
            QVERIFY2(held, "the keychain refused the token and the hand-off dropped it");
            QVERIFY2(held->token.secret == tokenSecret, "the pending secret is not the server's");
            QVERIFY(held->error);
            QVERIFY2(held->error->kind == *row.storeError,
                     qPrintable(SecretStoreError::kindName(held->error->kind) + QLatin1Char(' ')
                                + held->error->message));
            QVERIFY2(held->error->message.contains(tokenId), qPrintable(held->error->message));
            QCOMPARE(pending.size(), 1);
            const auto token = index->token(profile(), portfolioId, tokenId);
            QVERIFY2(token, "the index does not know a token whose secret is pending");
            QVERIFY(!token->secretStored);
        } else {
            QVERIFY2(!held,
                     qPrintable(held && held->error ? held->error->message : QStringLiteral("")));
            const auto token = index->token(profile(), portfolioId, tokenId);
            QVERIFY(token);
            QVERIFY(token->secretStored);
        }
    } else {
        QVERIFY(!handOff->hasPendingTokens());
    }

    // --- The index: the fault is shown, naming the file; a broken file is kept.
    QCOMPARE(index->status().kind, row.indexStatus);
    if (row.indexStatus != IndexKind::Ok)
        QVERIFY2(index->status().message.contains(QDir::toNativeSeparators(m_indexPath)),
                 qPrintable(index->status().message));
    if (row.index == IndexFile::Corrupt) {
        QFile movedAside(index->status().movedAsidePath);
        QVERIFY(movedAside.open(QIODevice::ReadOnly));
        QCOMPARE(movedAside.readAll(), m_indexBytesBefore);
    }
    if (row.index == IndexFile::Newer) {
        QFile file(m_indexPath);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), m_indexBytesBefore);
    }
    if (!portfolioId.isEmpty() && row.operation == Operation::Create)
        QVERIFY2(index->portfolio(profile(), portfolioId), "money moved and the index forgot it");
    if (row.keychain == Keychain::Works || row.keychain == Keychain::Absent)
        verifyAgreement(index->portfolios(profile()));
    if (QTest::currentTestFailed())
        return;

    // --- The fault lifted: everything made is found, stored and recorded.
    liftFaults(row);
    if (QTest::currentTestFailed())
        return;
    if (row.outcome == Outcome::OutcomeUnknown && row.operation == Operation::AddToken) {
        // As the message says: a refresh shows whether it was added. Its value never reached
        // Agentfolio, and the index says so rather than pretending it is stored.
        std::optional<TokenActionOutcome> refreshed;
        m_manager->refresh(
            this, [&refreshed](const TokenActionOutcome &outcome) { refreshed = outcome; });
        QTRY_VERIFY_WITH_TIMEOUT(refreshed.has_value(), WaitMs);
        QVERIFY2(refreshed->ok, qPrintable(refreshed->message));
        const auto portfolio = index->portfolio(profile(), portfolioId);
        QVERIFY(portfolio);
        std::optional<IndexedToken> added;
        for (const IndexedToken &token : portfolio->tokens) {
            if (token.token.name == QLatin1String("second-token"))
                added = token;
        }
        QCOMPARE(added.has_value(), row.processed);
        if (added)
            QVERIFY(!added->secretStored);
        QVERIFY(!handOff->hasPendingTokens());
    } else if (row.outcome == Outcome::OutcomeUnknown) {
        QSignalSpy checked(m_flow.get(), &CreateFlow::checkFinished);
        QVERIFY(m_flow->checkNow());
        QVERIFY(checked.wait(WaitMs));
        const auto result = checked.first().first().value<CreateFlow::CheckResult>();
        if (row.processed) {
            QCOMPARE(result, CreateFlow::CheckResult::Adopted);
            QVERIFY(m_flow->adoptedPortfolio());
            QVERIFY(index->portfolio(profile(), m_flow->adoptedPortfolio()->id));
            QCOMPARE(m_flow->rescuedTokens().size(), row.salvaged);
            QVERIFY(m_flow->unplacedTokens().isEmpty());
            for (const CreatedToken &rescued : m_flow->rescuedTokens()) {
                // Known now by the list's id; its secret the one the answer carried.
                QVERIFY(!rescued.token.id.isEmpty());
                QVERIFY(rescued.secret.reveal().startsWith(QLatin1String("sk_sandbox_")));
                m_knownSecrets.insert(rescued.token.id, rescued.secret);
                const QString adoptedId = m_flow->adoptedPortfolio()->id;
                auto stored = [&] {
                    const auto token = index->token(profile(), adoptedId, rescued.token.id);
                    return token && token->secretStored;
                };
                QTRY_VERIFY_WITH_TIMEOUT(stored(), WaitMs);
            }
            QVERIFY(!handOff->hasPendingTokens());
        } else {
            QCOMPARE(result, CreateFlow::CheckResult::NotFound);
        }
    }
    if (row.storeError) {
        QSignalSpy stored(handOff, &TokenHandOff::tokenStored);
        m_secrets->setTimeout(std::chrono::milliseconds(3000));
        QVERIFY(handOff->retry(tokenId));
        QTRY_COMPARE_WITH_TIMEOUT(stored.size(), 1, WaitMs);
        QVERIFY(!handOff->hasPendingTokens());
        QVERIFY(index->token(profile(), portfolioId, tokenId)->secretStored);
    }
    if (row.index == IndexFile::Newer) {
        // Never overwritten: what was made lives in memory until Agentfolio is updated.
        QVERIFY(!index->flush());
        verifyAgreement(index->portfolios(profile()));
        return;
    }
    QVERIFY(index->flush());
    QVERIFY(!index->hasUnsavedChanges());
    verifyAgreement(index->portfolios(profile()));
    // And on disk, as the next start will read it.
    PortfolioIndex reread(m_indexPath);
    QVERIFY2(reread.load(), qPrintable(reread.status().message));
    QCOMPARE(reread.portfolios(profile()), index->portfolios(profile()));
    verifyAgreement(reread.portfolios(profile()));
}

QTEST_GUILESS_MAIN(TestFaultMatrix)
#include "tst_faultmatrix.moc"
