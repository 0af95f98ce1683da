#include "api/apiclient.h"

#include "api/apijson.h"
#include "api/apilog.h"

#include <QElapsedTimer>
#include <QHostAddress>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QPointer>
#include <QTimer>
#include <cstring>

Q_LOGGING_CATEGORY(lcApi, "agentfolio.api")

namespace agentfolio {

namespace {

bool isLoopbackHost(const QString &host)
{
    if (host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0)
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

QString portfolioPath(const QString &portfolioId)
{
    return QStringLiteral("/api/v1/agent-portfolios/")
        + QString::fromLatin1(QUrl::toPercentEncoding(portfolioId));
}

QString tokenPath(const QString &portfolioId, const QString &tokenId)
{
    return portfolioPath(portfolioId) + QStringLiteral("/user-tokens/")
        + QString::fromLatin1(QUrl::toPercentEncoding(tokenId));
}

qsizetype maxBodySize(ApiReply::Operation operation)
{
    const bool isList = operation == ApiReply::Operation::ListPortfolios
        || operation == ApiReply::Operation::FindPortfolioByName;
    return isList ? ApiJson::MaxListBodySize : ApiJson::MaxBodySize;
}

// A create and an add-token each make something whose secret eToro shows once: sent once,
// never re-sent, and any answer that leaves open whether the server acted is OutcomeUnknown.
bool makesASecret(ApiReply::Operation operation)
{
    return operation == ApiReply::Operation::CreatePortfolio
        || operation == ApiReply::Operation::AddToken;
}

// The body of a create or an add-token, readable once. Qt re-sends a request by itself when
// its connection closes before any answer, even on a fresh connection, and the server may
// have acted on the first copy. A body that cannot be rewound makes that re-send fail
// (ContentReSendError), and the request is reported as OutcomeUnknown instead of being sent
// twice.
class OneShotBody : public QIODevice
{
public:
    OneShotBody(const QByteArray &bytes, QObject *parent)
        : QIODevice(parent)
        , m_bytes(bytes)
    {
        open(QIODevice::ReadOnly);
    }
    bool isSequential() const override { return true; }
    bool reset() override { return false; }
    qint64 bytesAvailable() const override
    {
        return m_bytes.size() - m_position + QIODevice::bytesAvailable();
    }

protected:
    qint64 readData(char *data, qint64 maxSize) override
    {
        if (m_position >= m_bytes.size())
            return -1;
        const qint64 count = qMin(maxSize, m_bytes.size() - m_position);
        std::memcpy(data, m_bytes.constData() + m_position, size_t(count));
        m_position += count;
        return count;
    }
    qint64 writeData(const char *, qint64) override { return -1; }

private:
    QByteArray m_bytes;
    qint64 m_position = 0;
};

// Everything a call needs to remember between Qt's signals.
struct CallState
{
    int timesSent = 0; // QNetworkReply::requestSent; more than one means Qt re-sent it
    bool timedOut = false;
    bool tooLarge = false;
    QElapsedTimer elapsed;
};

} // namespace

ApiClient::ApiClient(QNetworkAccessManager *network, QObject *parent)
    : QObject(parent)
    , m_network(network)
{
    Q_ASSERT(m_network);
}

QString ApiClient::checkBaseUrl(const QUrl &url)
{
    if (!url.isValid() || url.host().isEmpty()) {
        // An invalid QUrl ("https://exa mple.com") keeps no text to quote.
        const QString shown = url.toDisplayString();
        return shown.isEmpty() ? tr("That is not a valid server address: it should look like %1.")
                                     .arg(defaultBaseUrl().toString())
                               : tr("\"%1\" is not a valid server address.").arg(shown);
    }
    if (!url.userInfo().isEmpty() || url.hasQuery() || url.hasFragment())
        return tr("The server address must not contain a user name, query or fragment.");
    const QString scheme = url.scheme().toLower();
    if (scheme == QLatin1String("https"))
        return {};
    if (scheme == QLatin1String("http")) {
        if (isLoopbackHost(url.host()))
            return {};
        return tr("Plain http is only allowed to this computer (127.0.0.1, ::1 or localhost); "
                  "use https for %1.")
            .arg(url.host());
    }
    return tr("The server address must start with https://.");
}

bool ApiClient::setBaseUrl(const QUrl &url, QString *error)
{
    const QString problem = checkBaseUrl(url);
    if (!problem.isEmpty()) {
        if (error)
            *error = problem;
        return false;
    }
    m_baseUrl = url.adjusted(QUrl::StripTrailingSlash);
    return true;
}

void ApiClient::setCredentials(const Secret &apiKey, const Secret &userKey)
{
    m_apiKey = apiKey;
    m_userKey = userKey;
}

ApiReply *ApiClient::createPortfolio(const CreatePortfolioRequest &request, const QUuid &requestId)
{
    return send(ApiReply::Operation::CreatePortfolio, "POST",
                QStringLiteral("/api/v1/agent-portfolios"),
                ApiJson::toBytes(ApiJson::toJson(request)), requestId);
}

ApiReply *ApiClient::listPortfolios(const QUuid &requestId)
{
    return send(ApiReply::Operation::ListPortfolios, "GET",
                QStringLiteral("/api/v1/agent-portfolios"), {}, requestId);
}

ApiReply *ApiClient::findPortfolioByName(const QString &name, const QUuid &requestId)
{
    return send(ApiReply::Operation::FindPortfolioByName, "GET",
                QStringLiteral("/api/v1/agent-portfolios"), {}, requestId, name.trimmed());
}

ApiReply *ApiClient::deletePortfolio(const QString &portfolioId, const QUuid &requestId)
{
    return send(ApiReply::Operation::DeletePortfolio, "DELETE", portfolioPath(portfolioId), {},
                requestId);
}

ApiReply *ApiClient::addToken(const QString &portfolioId, const AddTokenRequest &request,
                              const QUuid &requestId)
{
    return send(ApiReply::Operation::AddToken, "POST",
                portfolioPath(portfolioId) + QStringLiteral("/user-tokens"),
                ApiJson::toBytes(ApiJson::toJson(request)), requestId);
}

ApiReply *ApiClient::updateToken(const QString &portfolioId, const QString &tokenId,
                                 const UpdateTokenRequest &request, const QUuid &requestId)
{
    return send(ApiReply::Operation::UpdateToken, "PATCH", tokenPath(portfolioId, tokenId),
                ApiJson::toBytes(ApiJson::toJson(request)), requestId);
}

ApiReply *ApiClient::revokeToken(const QString &portfolioId, const QString &tokenId,
                                 const QUuid &requestId)
{
    return send(ApiReply::Operation::RevokeToken, "DELETE", tokenPath(portfolioId, tokenId), {},
                requestId);
}

ApiReply *ApiClient::send(ApiReply::Operation operation, const QByteArray &verb,
                          const QString &path, const QByteArray &body, const QUuid &requestId,
                          const QString &subject)
{
    auto *reply = new ApiReply(operation, requestId, this);
    const QString requestIdText = requestId.toString(QUuid::WithoutBraces);

    // Refusals that happen before anything is sent still finish asynchronously, as
    // every reply does, so callers have one code path.
    auto refuse = [reply](const ApiError &error) {
        QTimer::singleShot(0, reply, [reply, error] { reply->finishWithError(error); });
        return reply;
    };
    const QString urlProblem = checkBaseUrl(m_baseUrl);
    if (!urlProblem.isEmpty()) {
        ApiError error;
        error.kind = ApiError::Kind::InsecureUrl;
        error.detail = urlProblem;
        return refuse(error);
    }
    if (!hasCredentials()) {
        ApiError error;
        error.kind = ApiError::Kind::Unauthorized;
        error.serverMessage = tr("No API key and user key are set for this account.");
        return refuse(error);
    }

    QUrl url = m_baseUrl;
    url.setPath(m_baseUrl.path() + path, QUrl::TolerantMode);
    QNetworkRequest request(url);
    request.setRawHeader("x-api-key", m_apiKey.reveal().toUtf8());
    request.setRawHeader("x-user-key", m_userKey.reveal().toUtf8());
    request.setRawHeader("x-request-id", requestIdText.toLatin1());
    request.setRawHeader("Accept", "application/json");
    if (!body.isEmpty())
        request.setHeader(QNetworkRequest::ContentTypeHeader,
                          QByteArrayLiteral("application/json"));
    // A redirect could carry the keys somewhere else: it is reported, never followed.
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::ManualRedirectPolicy);
    request.setAttribute(QNetworkRequest::CacheLoadControlAttribute,
                         QNetworkRequest::AlwaysNetwork);
    request.setAttribute(QNetworkRequest::CookieSaveControlAttribute, QNetworkRequest::Manual);

    QNetworkReply *networkReply = nullptr;
    if (makesASecret(operation)) {
        // A create (or an add-token) goes out on a fresh HTTP/1.1 connection, through a
        // manager of its own: Qt then has no stale keep-alive connection to re-send it on, and
        // requestSent reports what was sent (HTTP/2 does not emit it). Clearing the shared
        // manager's connections instead would cut off every other call in flight.
        auto *network = new QNetworkAccessManager(this);
        network->setProxy(m_network->proxy());
        request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
        // Unbuffered, with its length given, so that Qt cannot keep a copy to re-send.
        request.setHeader(QNetworkRequest::ContentLengthHeader, body.size());
        request.setAttribute(QNetworkRequest::DoNotBufferUploadDataAttribute, true);
        auto *device = new OneShotBody(body, nullptr);
        networkReply = network->sendCustomRequest(request, verb, device);
        device->setParent(networkReply);
        connect(networkReply, &QNetworkReply::finished, network, &QObject::deleteLater);
    } else {
        networkReply = body.isEmpty() && verb != "POST" && verb != "PATCH"
            ? m_network->sendCustomRequest(request, verb)
            : m_network->sendCustomRequest(request, verb, body);
    }
    qCDebug(lcApi).noquote() << verb << path << "sent, request id" << requestIdText;

    auto state = std::make_shared<CallState>();
    state->elapsed.start();

    // Our own inactivity timer: any progress restarts it, silence ends the call.
    auto *timer = new QTimer(networkReply);
    timer->setSingleShot(true);
    timer->setInterval(m_timeout);
    connect(timer, &QTimer::timeout, networkReply, [state, networkReply] {
        state->timedOut = true;
        networkReply->abort();
    });
    auto restartTimer = [timer] { timer->start(); };
    connect(networkReply, &QNetworkReply::uploadProgress, timer, restartTimer);
    connect(networkReply, &QNetworkReply::downloadProgress, timer, restartTimer);
    connect(networkReply, &QNetworkReply::requestSent, timer, [state, timer] {
        ++state->timesSent;
        timer->start();
    });
    timer->start();

    // Refuse oversized answers as soon as they announce or show themselves.
    const qsizetype limit = maxBodySize(operation);
    auto checkSize = [state, networkReply, limit] {
        const qint64 announced =
            networkReply->header(QNetworkRequest::ContentLengthHeader).toLongLong();
        if (announced > limit || networkReply->bytesAvailable() > limit) {
            state->tooLarge = true;
            networkReply->abort();
        }
    };
    connect(networkReply, &QNetworkReply::metaDataChanged, networkReply, checkSize);
    connect(networkReply, &QNetworkReply::readyRead, networkReply, checkSize);

    QPointer<QNetworkReply> guardedNetworkReply(networkReply);
    reply->m_abort = [guardedNetworkReply] {
        if (guardedNetworkReply)
            guardedNetworkReply->abort();
    };
    connect(networkReply, &QNetworkReply::finished, reply,
            [this, reply, networkReply, timer, state, verb, path, subject] {
                timer->stop();
                networkReply->deleteLater();
                if (reply->isFinished())
                    return; // the ApiReply was deleted or aborted while unfinished
                handleFinished(reply, networkReply, state->timesSent, state->timedOut,
                               state->tooLarge, subject);
                qCInfo(lcApi).noquote()
                    << verb << path << "->" << (reply->m_httpStatus ? reply->m_httpStatus : 0)
                    << (reply->error() ? reply->error()->summary() : QStringLiteral("ok"))
                    << "request id" << reply->requestId().toString(QUuid::WithoutBraces) << "in"
                    << state->elapsed.elapsed() << "ms";
            });
    return reply;
}

void ApiClient::handleFinished(ApiReply *reply, QNetworkReply *networkReply, int timesSent,
                               bool timedOut, bool tooLarge, const QString &subject)
{
    const bool makesSecret = makesASecret(reply->operation());
    const ApiError::Making making = reply->operation() == ApiReply::Operation::AddToken
        ? ApiError::Making::Token
        : ApiError::Making::Portfolio;
    const int status = networkReply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    reply->m_httpStatus = status;
    reply->m_rateLimit = RateLimitInfo::fromReply(*networkReply);

    // For a create or an add-token, anything that leaves open whether the server acted on
    // the body becomes OutcomeUnknown: money may have moved or a secret been made, and only a
    // look at the list can tell.
    auto finish = [reply, makesSecret, making, timesSent](ApiError error, bool ambiguous) {
        error.httpStatus = reply->m_httpStatus;
        error.rateLimit = reply->m_rateLimit;
        error.making = making;
        if (makesSecret && ambiguous) {
            error.underlying = error.kind;
            error.kind = ApiError::Kind::OutcomeUnknown;
        } else if (makesSecret && timesSent > 1 && error.kind != ApiError::Kind::OutcomeUnknown) {
            // Qt re-sent the POST after a dropped keep-alive connection: the first copy may
            // have made the portfolio or token, so a refusal of the second says nothing.
            error.underlying = error.kind;
            error.kind = ApiError::Kind::OutcomeUnknown;
            error.detail = tr("the connection dropped and the request was sent again");
        }
        reply->finishWithError(error);
    };

    if (tooLarge) {
        ApiError error;
        error.kind = ApiError::Kind::MalformedResponse;
        error.detail = tr("the answer is larger than %1 MiB")
                           .arg(maxBodySize(reply->operation()) / (qsizetype { 1024 } * 1024));
        finish(error, status >= 200 && status < 300);
        return;
    }
    if (timedOut) {
        ApiError error;
        error.kind = ApiError::Kind::Timeout;
        error.detail = tr("no answer within %n second(s)", nullptr, int(m_timeout.count() / 1000));
        // Even with nothing seen sent, a create (or an add-token) that timed out is treated as
        // ambiguous: only errors known to happen before the request leaves are safe to call
        // failures.
        finish(error, true);
        return;
    }

    if (status == 0) {
        ApiError error;
        error.detail = networkReply->errorString();
        bool ambiguous = false;
        switch (networkReply->error()) {
        case QNetworkReply::SslHandshakeFailedError:
        case QNetworkReply::UnknownProxyError:
            error.kind = networkReply->error() == QNetworkReply::SslHandshakeFailedError
                ? ApiError::Kind::Tls
                : ApiError::Kind::Network;
            break;
        case QNetworkReply::ConnectionRefusedError:
        case QNetworkReply::HostNotFoundError:
        case QNetworkReply::ProxyConnectionRefusedError:
        case QNetworkReply::ProxyNotFoundError:
        case QNetworkReply::ProxyAuthenticationRequiredError:
            error.kind = ApiError::Kind::Network; // nothing reached the server
            break;
        case QNetworkReply::OperationCanceledError:
            // Our abort(): before the request went out nothing happened; after, a create
            // (or an add-token) may have been processed.
            error.kind = ApiError::Kind::Cancelled;
            ambiguous = timesSent > 0;
            break;
        case QNetworkReply::ContentReSendError:
            // The connection closed before an answer and Qt tried to send the request a
            // second time; our read-once body refused (see OneShotBody). Qt's own words
            // for this are "Unknown error".
            error.kind = ApiError::Kind::Network;
            error.detail = tr("the connection closed before an answer came, and the request "
                              "was not sent a second time");
            ambiguous = true;
            break;
        default:
            // A reset, a closed connection, anything else: the body may have arrived.
            error.kind = ApiError::Kind::Network;
            ambiguous = true;
            break;
        }
        finish(error, ambiguous);
        return;
    }

    const QByteArray body = networkReply->read(maxBodySize(reply->operation()) + 1);
    if (status >= 300 && status < 400) {
        ApiError error;
        error.kind = ApiError::Kind::Redirect;
        error.detail = QString::fromLatin1(networkReply->rawHeader("Location"));
        // A 302/303 after a POST usually means the server acted on it.
        finish(error, true);
        return;
    }
    if (status >= 400) {
        const QByteArray contentType = networkReply->rawHeader("Content-Type");
        ApiError error = errorFromAnswer(status, body, contentType, reply->m_rateLimit);
        finish(error, status >= 500);
        return;
    }
    const qint64 announced =
        networkReply->header(QNetworkRequest::ContentLengthHeader).toLongLong();
    if (networkReply->error() != QNetworkReply::NoError
        || (announced > 0 && body.size() < announced)) {
        // A 2xx whose body was cut off: the server acted, but the answer is incomplete.
        ApiError error;
        error.kind = ApiError::Kind::MalformedResponse;
        error.detail = networkReply->error() != QNetworkReply::NoError
            ? networkReply->errorString()
            : tr("the answer was cut short");
        finish(error, true);
        return;
    }
    readSuccess(reply, body, subject);
    if (!reply->isFinished())
        reply->finishOk();
}

void ApiClient::readSuccess(ApiReply *reply, const QByteArray &body, const QString &subject)
{
    QString problem;
    auto malformed = [reply, &problem](bool ambiguous) {
        ApiError error;
        if (reply->operation() == ApiReply::Operation::AddToken)
            error.making = ApiError::Making::Token;
        error.kind = ApiError::Kind::MalformedResponse;
        error.detail = problem;
        error.httpStatus = reply->m_httpStatus;
        if (ambiguous) {
            error.underlying = error.kind;
            error.kind = ApiError::Kind::OutcomeUnknown;
        }
        reply->finishWithError(error);
    };
    switch (reply->operation()) {
    case ApiReply::Operation::CreatePortfolio:
        if (auto result = ApiJson::parseCreateResponse(body, &problem)) {
            if (reply->m_httpStatus == 207)
                result->tokenCreated = false;
            reply->m_createResult = std::move(*result);
        } else {
            // The server said yes, but the answer could not be read: the portfolio
            // probably exists. The caller must reconcile, and keeps any token secret
            // the answer still carried, since eToro never shows it again.
            reply->m_salvagedTokens = ApiJson::salvageCreatedTokens(body);
            if (!reply->m_salvagedTokens.isEmpty())
                qCWarning(lcApi) << "create: unreadable success answer still carried"
                                 << reply->m_salvagedTokens.size() << "token secret(s); kept";
            malformed(true);
        }
        break;
    case ApiReply::Operation::ListPortfolios:
    case ApiReply::Operation::FindPortfolioByName:
        if (auto portfolios = ApiJson::parsePortfolioList(body, &problem)) {
            if (reply->operation() == ApiReply::Operation::FindPortfolioByName) {
                for (const Portfolio &portfolio : std::as_const(*portfolios)) {
                    // The server compares names ignoring case, so the check does too.
                    if (portfolio.name.trimmed().compare(subject, Qt::CaseInsensitive) == 0) {
                        reply->m_foundPortfolio = portfolio;
                        break;
                    }
                }
            }
            reply->m_portfolios = std::move(*portfolios);
        } else {
            malformed(false);
        }
        break;
    case ApiReply::Operation::AddToken:
        if (auto token = ApiJson::parseCreatedToken(body, &problem)) {
            reply->m_createdToken = std::move(*token);
        } else {
            // The server said yes: the token probably exists, and any secret the answer
            // still carried is kept for the caller to place.
            if (auto kept = ApiJson::salvageAddedToken(body)) {
                qCWarning(lcApi) << "add token: unreadable success answer still carried the "
                                    "token's secret; kept";
                reply->m_salvagedTokens = { std::move(*kept) };
            }
            malformed(true);
        }
        break;
    case ApiReply::Operation::DeletePortfolio:
    case ApiReply::Operation::UpdateToken:
    case ApiReply::Operation::RevokeToken:
        break; // 204: nothing to read
    }
}

ApiError ApiClient::errorFromAnswer(int status, const QByteArray &body,
                                    const QByteArray &contentType,
                                    const RateLimitInfo &rateLimit) const
{
    const ErrorBody parsed = ApiJson::parseErrorBody(body, contentType);
    ApiError error;
    error.httpStatus = status;
    error.errorCode = redactKeys(parsed.errorCode);
    error.serverMessage = redactKeys(parsed.message);
    error.field = parsed.field;
    error.rateLimit = rateLimit;
    switch (status) {
    case 400:
        error.kind = ApiError::Kind::Validation;
        break;
    case 401:
        error.kind = ApiError::Kind::Unauthorized;
        break;
    case 403:
        error.kind = ApiError::Kind::Forbidden;
        break;
    case 404:
        error.kind = ApiError::Kind::NotFound;
        break;
    case 409:
        error.kind = ApiError::Kind::Conflict;
        break;
    case 429:
        error.kind =
            parsed.errorCode.compare(QLatin1String("MaxUserTokensExceeded"), Qt::CaseInsensitive)
                == 0
            ? ApiError::Kind::TokenQuotaExceeded
            : ApiError::Kind::RateLimited;
        break;
    default:
        error.kind = status >= 500 ? ApiError::Kind::ServerError : ApiError::Kind::Validation;
        break;
    }
    return error;
}

QString ApiClient::redactKeys(QString text) const
{
    // A server that echoes a key back must not get it into our messages or logs.
    for (const Secret *key : { &m_apiKey, &m_userKey }) {
        if (!key->isEmpty())
            text.replace(key->reveal(), QStringLiteral("[redacted]"), Qt::CaseInsensitive);
    }
    return text;
}

} // namespace agentfolio
