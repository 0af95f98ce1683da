#include "sandbox/sandboxserver.h"

#include "sandbox/sandboxlogging.h"

#include <QHttpServerRequest>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

namespace agentfolio {

namespace {

QByteArray methodName(QHttpServerRequest::Method method)
{
    switch (method) {
    case QHttpServerRequest::Method::Get:
        return QByteArrayLiteral("GET");
    case QHttpServerRequest::Method::Put:
        return QByteArrayLiteral("PUT");
    case QHttpServerRequest::Method::Delete:
        return QByteArrayLiteral("DELETE");
    case QHttpServerRequest::Method::Post:
        return QByteArrayLiteral("POST");
    case QHttpServerRequest::Method::Head:
        return QByteArrayLiteral("HEAD");
    case QHttpServerRequest::Method::Options:
        return QByteArrayLiteral("OPTIONS");
    case QHttpServerRequest::Method::Patch:
        return QByteArrayLiteral("PATCH");
    case QHttpServerRequest::Method::Connect:
        return QByteArrayLiteral("CONNECT");
    case QHttpServerRequest::Method::Trace:
        return QByteArrayLiteral("TRACE");
    default:
        return QByteArrayLiteral("UNKNOWN");
    }
}

QString kindName(SandboxServer::Fault::Kind kind)
{
    using Kind = SandboxServer::Fault::Kind;
    switch (kind) {
    case Kind::Delay:
        return QStringLiteral("Delay");
    case Kind::DropAfterProcessing:
        return QStringLiteral("DropAfterProcessing");
    case Kind::DropBeforeProcessing:
        return QStringLiteral("DropBeforeProcessing");
    case Kind::ServerError500:
        return QStringLiteral("ServerError500");
    case Kind::BadGateway502:
        return QStringLiteral("BadGateway502");
    case Kind::ServiceUnavailable503:
        return QStringLiteral("ServiceUnavailable503");
    case Kind::MalformedBody:
        return QStringLiteral("MalformedBody");
    case Kind::TruncatedBody:
        return QStringLiteral("TruncatedBody");
    case Kind::WithoutPortfolioId:
        return QStringLiteral("WithoutPortfolioId");
    case Kind::WithoutIds:
        return QStringLiteral("WithoutIds");
    case Kind::Html429:
        return QStringLiteral("Html429");
    case Kind::HugeBody:
        return QStringLiteral("HugeBody");
    case Kind::TokenNotCreated207:
        return QStringLiteral("TokenNotCreated207");
    case Kind::Redirect:
        return QStringLiteral("Redirect");
    case Kind::Answer:
        return QStringLiteral("Answer");
    }
    return {};
}

// The request id as the log shows it: the client chose it, so no line breaks or escapes.
QString printableId(const QString &id)
{
    if (id.isEmpty())
        return QStringLiteral("(none)");
    QString shown;
    const QString head = id.left(64);
    for (const QChar c : head)
        shown += (c.unicode() > 0x20 && c.unicode() < 0x7f) ? c : QLatin1Char('?');
    return shown;
}

// "Connection: close" (possibly among other tokens): answer, then close.
bool wantsClose(const QByteArray &connection)
{
    const QList<QByteArray> tokens = connection.split(',');
    return std::any_of(tokens.cbegin(), tokens.cend(), [](const QByteArray &token) {
        return token.trimmed().compare("close", Qt::CaseInsensitive) == 0;
    });
}

// A processed answer that must carry a body for the fault to mean anything: a 204 has none.
SandboxReply withBody(SandboxReply reply)
{
    if (reply.status == 204 || reply.body.isEmpty()) {
        reply.status = reply.status == 204 ? 200 : reply.status;
        reply.contentType = QByteArrayLiteral("application/json; charset=utf-8");
        reply.body = QByteArrayLiteral("{}");
    }
    return reply;
}

} // namespace

namespace {

QLoggingCategory::CategoryFilter previousCategoryFilter = nullptr;

// QtHttpServer's own "qt.httpserver" category prints every request with its headers at
// debug level, keys included. Whatever QT_LOGGING_RULES says, its debug output stays off;
// every other category is left to the previous filter.
void silenceHeaderLogging(QLoggingCategory *category)
{
    if (previousCategoryFilter)
        previousCategoryFilter(category);
    if (qstrncmp(category->categoryName(), "qt.httpserver", 13) == 0)
        category->setEnabled(QtDebugMsg, false);
}

} // namespace

SandboxServer::SandboxServer(QObject *parent)
    : QAbstractHttpServer(parent)
    , m_api(&m_state)
{
    static const bool installed = [] {
        previousCategoryFilter = QLoggingCategory::installFilter(silenceHeaderLogging);
        return true;
    }();
    Q_UNUSED(installed);
}

SandboxServer::~SandboxServer() = default;

void SandboxServer::setStateFile(const QString &path)
{
    m_state.setFile(path);
}

QString SandboxServer::defaultStateFile()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)
        + QStringLiteral("/sandbox-state.json");
}

quint16 SandboxServer::start(quint16 port)
{
    if (m_tcpServer && m_tcpServer->isListening())
        return m_port;
    auto *server = new QTcpServer(this);
    // Loopback only: the sandbox must never be reachable from another machine.
    if (!server->listen(QHostAddress::LocalHost, port)) {
        qCWarning(lcSandbox) << "cannot listen on 127.0.0.1 port" << port << ":"
                             << server->errorString();
        delete server;
        return 0;
    }
    bind(server);
    m_tcpServer = server;
    m_port = server->serverPort();
    qCInfo(lcSandbox).noquote() << "listening on" << baseUrl().toString();
    return m_port;
}

QUrl SandboxServer::baseUrl() const
{
    QUrl url;
    url.setScheme(QStringLiteral("http"));
    url.setHost(QStringLiteral("127.0.0.1"));
    url.setPort(m_port);
    return url;
}

QString SandboxServer::builtInApiKey()
{
    return QStringLiteral("sandbox-api-key");
}

QString SandboxServer::builtInUserKey()
{
    return QStringLiteral("sandbox-user-key");
}

void SandboxServer::setRequiredKeys(const QString &apiKey, const QString &userKey)
{
    m_api.setRequiredKeys(Secret(apiKey), Secret(userKey));
}

void SandboxServer::setMinimumInvestmentCents(qint64 cents)
{
    m_api.setMinimumInvestment(Money::fromCents(cents));
}

void SandboxServer::setRateLimit(int requests, int windowSeconds)
{
    m_rateLimiter.configure(requests, windowSeconds);
}

void SandboxServer::injectFault(const Fault &fault)
{
    if (fault.times > 0)
        m_faults.append(fault);
}

void SandboxServer::clearFaults()
{
    m_faults.clear();
}

int SandboxServer::pendingFaultCount() const
{
    int count = 0;
    for (const Fault &fault : m_faults)
        count += fault.times;
    return count;
}

QList<SandboxServer::RecordedRequest> SandboxServer::requests() const
{
    return m_requests;
}

int SandboxServer::requestCount(const QByteArray &method, const QString &pathPrefix) const
{
    return int(std::count_if(m_requests.cbegin(), m_requests.cend(), [&](const auto &request) {
        return (method.isEmpty() || request.method.compare(method, Qt::CaseInsensitive) == 0)
            && request.path.startsWith(pathPrefix);
    }));
}

void SandboxServer::clearRequests()
{
    m_requests.clear();
}

QList<Portfolio> SandboxServer::portfolios() const
{
    return m_state.portfolios();
}

std::optional<SandboxServer::Fault> SandboxServer::takeFault(const QByteArray &method,
                                                             const QString &path)
{
    for (auto it = m_faults.begin(); it != m_faults.end(); ++it) {
        if ((it->method.isEmpty() || it->method.compare(method, Qt::CaseInsensitive) == 0)
            && path.startsWith(it->pathPrefix)) {
            const Fault fault = *it;
            if (--it->times <= 0)
                m_faults.removeAt(std::distance(m_faults.begin(), it));
            return fault;
        }
    }
    return std::nullopt;
}

bool SandboxServer::handleRequest(const QHttpServerRequest &request, QTcpSocket *socket)
{
    // Everything needed is copied now: Qt reuses the request object for the connection's next
    // request, and the delay fault answers after this function returned.
    SandboxCall call;
    call.method = methodName(request.method());
    call.path = request.url().path();
    call.requestId = request.value(QByteArrayLiteral("x-request-id"));
    call.apiKey = Secret(QString::fromUtf8(request.value(QByteArrayLiteral("x-api-key"))));
    call.userKey = Secret(QString::fromUtf8(request.value(QByteArrayLiteral("x-user-key"))));
    call.body = request.body();

    Exchange exchange;
    exchange.method = call.method;
    exchange.path = call.path;
    exchange.requestId = QString::fromLatin1(call.requestId);
    exchange.closeConnection = wantsClose(request.value(QByteArrayLiteral("connection")));
    m_requests.append({ call.method, call.path, exchange.requestId, call.body });

    const QPointer<QTcpSocket> guard(socket);
    const SandboxRateLimiter::Decision rate = m_rateLimiter.consume();
    auto finish = [&](SandboxReply reply, Delivery delivery = Delivery::Whole) {
        SandboxRateLimiter::addHeaders(rate, &reply);
        deliver(guard, exchange, reply, delivery);
    };

    if (!rate.allowed) {
        finish(SandboxReply::error(429, QStringLiteral("TooManyRequests"),
                                   tr("Too many requests: at most %1 per %2 seconds")
                                       .arg(rate.limit)
                                       .arg(rate.windowSeconds)));
        return true;
    }

    const std::optional<Fault> fault = takeFault(call.method, call.path);
    using Kind = Fault::Kind;

    // The faults that answer in place of the API: nothing is processed.
    if (fault) {
        exchange.faultName = kindName(fault->kind);
        switch (fault->kind) {
        case Kind::DropBeforeProcessing:
            finish({}, Delivery::Drop);
            return true;
        case Kind::ServerError500:
            finish(SandboxReply::error(500, QStringLiteral("UnhandledException"),
                                       tr("An unexpected error occurred")));
            return true;
        case Kind::BadGateway502:
            finish(SandboxReply::html(502, QStringLiteral("502 Bad Gateway"),
                                      tr("The upstream server did not answer in time.")));
            return true;
        case Kind::ServiceUnavailable503:
            finish(SandboxReply::html(503, QStringLiteral("503 Service Temporarily Unavailable"),
                                      tr("The service is down for maintenance.")));
            return true;
        case Kind::Html429: {
            SandboxReply reply =
                SandboxReply::html(429, QStringLiteral("429 Too Many Requests"), tr("Slow down."));
            reply.setHeader(QByteArrayLiteral("Retry-After"), QByteArrayLiteral("7"));
            finish(reply);
            return true;
        }
        case Kind::Redirect: {
            QUrl location = baseUrl();
            location.setPath(call.path);
            location.setQuery(request.url().query());
            SandboxReply reply;
            reply.status = 307;
            reply.setHeader(QByteArrayLiteral("Location"), location.toEncoded());
            finish(reply);
            return true;
        }
        case Kind::Answer: {
            SandboxReply reply;
            reply.status = fault->status;
            reply.contentType = fault->contentType;
            reply.body = fault->body;
            reply.headers = fault->headers;
            finish(reply);
            return true;
        }
        default:
            break;
        }
    }

    const auto tokenCreation = fault && fault->kind == Kind::TokenNotCreated207
        ? SandboxApi::TokenCreation::Fail
        : SandboxApi::TokenCreation::Normal;
    SandboxReply reply = m_api.handle(call, tokenCreation);
    if (!fault) {
        finish(reply);
        return true;
    }

    // The faults that change how the processed answer arrives.
    switch (fault->kind) {
    case Kind::Delay: {
        SandboxRateLimiter::addHeaders(rate, &reply);
        QTimer::singleShot(qMax(0, fault->delayMs), this, [this, guard, exchange, reply] {
            deliver(guard, exchange, reply, Delivery::Whole);
        });
        break;
    }
    case Kind::DropAfterProcessing:
        finish(reply, Delivery::Drop);
        break;
    case Kind::MalformedBody:
        reply = withBody(reply);
        reply.contentType = QByteArrayLiteral("application/json; charset=utf-8");
        reply.body = QByteArrayLiteral("{\"agentPort");
        finish(reply);
        break;
    case Kind::TruncatedBody:
        finish(withBody(reply), Delivery::Truncated);
        break;
    case Kind::WithoutPortfolioId:
    case Kind::WithoutIds: {
        QJsonObject object = QJsonDocument::fromJson(withBody(reply).body).object();
        object.remove(QStringLiteral("agentPortfolioId"));
        if (fault->kind == Kind::WithoutIds) {
            object.remove(QStringLiteral("userTokenId")); // an add-token's answer
            QJsonArray tokens = object.value(QStringLiteral("userTokens")).toArray();
            for (qsizetype i = 0; i < tokens.size(); ++i) {
                QJsonObject withoutId = tokens.at(i).toObject();
                withoutId.remove(QStringLiteral("userTokenId"));
                tokens.replace(i, withoutId);
            }
            object.insert(QStringLiteral("userTokens"), tokens);
        }
        SandboxReply incomplete = SandboxReply::json(withBody(reply).status, object);
        incomplete.headers = reply.headers;
        finish(incomplete);
        break;
    }
    case Kind::HugeBody: {
        // Still valid JSON: the processed answer's members plus padding to 2 MiB.
        QJsonObject object = QJsonDocument::fromJson(reply.body).object();
        object.insert(QStringLiteral("padding"), QString(HugeBodyBytes, QLatin1Char('x')));
        SandboxReply huge = SandboxReply::json(200, object);
        huge.headers = reply.headers;
        finish(huge);
        break;
    }
    default: // TokenNotCreated207 already shaped the answer
        finish(reply);
        break;
    }
    return true;
}

void SandboxServer::missingHandler(const QHttpServerRequest &request, QTcpSocket *socket)
{
    // handleRequest() answers everything; this is only here because Qt requires it.
    Exchange exchange;
    exchange.method = methodName(request.method());
    exchange.path = request.url().path();
    deliver(QPointer<QTcpSocket>(socket), exchange,
            SandboxReply::error(404, QStringLiteral("NotFound"), tr("Not found")), Delivery::Whole);
}

void SandboxServer::deliver(const QPointer<QTcpSocket> &socket, const Exchange &exchange,
                            const SandboxReply &reply, Delivery delivery)
{
    const int status = delivery == Delivery::Drop ? 0 : reply.status;
    const bool gone = !socket || socket->state() != QAbstractSocket::ConnectedState;
    QString line = QStringLiteral("%1 %2 -> %3 request id %4")
                       .arg(QString::fromLatin1(exchange.method), exchange.path,
                            gone              ? QStringLiteral("client gone")
                                : status == 0 ? QStringLiteral("dropped")
                                              : QString::number(status),
                            printableId(exchange.requestId));
    if (!exchange.faultName.isEmpty())
        line += QStringLiteral(" (fault ") + exchange.faultName + QLatin1Char(')');
    qCInfo(lcSandbox).noquote() << line;
    if (gone) {
        emit requestHandled(exchange.method, exchange.path, 0);
        return;
    }
    switch (delivery) {
    case Delivery::Drop:
        socket->abort();
        break;
    case Delivery::Truncated: {
        // Announce more than is sent, send half the body, then close: the client must see an
        // incomplete answer, not a short one.
        const qint64 announced = reply.body.size() + 64;
        QByteArray bytes = reply.toHttp(true, announced);
        bytes.chop(reply.body.size() - reply.body.size() / 2);
        socket->write(bytes);
        // Close a moment later, once the client has read the partial answer: closing at once
        // lets Qt 6.4's client, at times, take the short body for a complete one.
        QTimer::singleShot(200, socket, [socket] {
            if (socket)
                socket->disconnectFromHost();
        });
        break;
    }
    case Delivery::Whole:
        socket->write(reply.toHttp(exchange.closeConnection));
        if (exchange.closeConnection)
            socket->disconnectFromHost();
        break;
    }
    emit requestHandled(exchange.method, exchange.path, status);
}

} // namespace agentfolio
