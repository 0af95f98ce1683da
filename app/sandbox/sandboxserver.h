#pragma once

#include "domain/portfolio.h"
#include "sandbox/sandboxapi.h"
#include "sandbox/sandboxratelimiter.h"
#include "sandbox/sandboxreply.h"
#include "sandbox/sandboxstate.h"

#include <QAbstractHttpServer>
#include <QByteArray>
#include <QList>
#include <QPointer>
#include <QString>
#include <QUrl>

QT_BEGIN_NAMESPACE
class QTcpServer;
class QTcpSocket;
QT_END_NAMESPACE

namespace agentfolio {

// An emulator of eToro's agent-portfolio API on 127.0.0.1, so the whole product can be used
// and tested without an eToro account. It answers the six endpoints as
// /work/shared/api/README.md and the seed page describe them (see SandboxApi), applies the
// shared rate limit, keeps its state in a JSON file (see SandboxState) and lets tests inject
// transport faults.
//
// Requests pass in this order: recorded; counted by the rate limiter (429 TooManyRequests
// when over; such a request uses up no fault); the first matching fault is taken; then the
// API answers (unless the fault answers instead). Every answer carries the RateLimit-*
// headers; requestHandled() is emitted when the answer is written (status 0: dropped).
class SandboxServer : public QAbstractHttpServer
{
    Q_OBJECT
public:
    explicit SandboxServer(QObject *parent = nullptr);
    ~SandboxServer() override;

    // Empty path = in memory only. Loads the file if it exists (a corrupt file is moved aside
    // with a timestamp suffix and a warning is logged; start empty).
    void setStateFile(const QString &path);
    QString stateFile() const { return m_state.file(); }
    static QString defaultStateFile(); // QStandardPaths::AppDataLocation + "/sandbox-state.json"

    // Listens on 127.0.0.1 only; returns the port or 0 on failure.
    quint16 start(quint16 port = 0);
    quint16 port() const { return m_port; }
    QUrl baseUrl() const; // http://127.0.0.1:PORT

    // The sandbox's built-in credentials (used by the app's "sandbox" profile). The sandbox
    // accepts any NON-EMPTY pair of x-api-key / x-user-key unless setRequiredKeys() was called
    // (then only that pair; anything else is 401). Two empty strings go back to any pair.
    static QString builtInApiKey();
    static QString builtInUserKey();
    void setRequiredKeys(const QString &apiKey, const QString &userKey);

    // Default 20000 ($200): below it, 400 ValidationFailed "Investment amount is below the
    // minimum threshold".
    void setMinimumInvestmentCents(qint64 cents);
    // Default 60, 60. Starts a fresh window; requests <= 0 turns limiting (and its headers) off.
    void setRateLimit(int requests, int windowSeconds);

    // Fault injection: applies to the next `times` requests whose method and path match
    // (empty method = any; pathPrefix matched against the URL path).
    struct Fault
    {
        enum class Kind {
            Delay, // processed now, answered after delayMs
            DropAfterProcessing, // processed (state changed and saved), then the TCP connection
                                 // is aborted without any answer
            DropBeforeProcessing, // aborted, not processed
            ServerError500, // 500 {"errorCode":"UnhandledException",...}, not processed
            BadGateway502, // an HTML page, not processed
            ServiceUnavailable503, // an HTML page, not processed
            MalformedBody, // processed; the answer's status with the body {"agentPort
            TruncatedBody, // processed; Content-Length larger than what is sent, then closed
            WithoutPortfolioId, // processed; valid JSON without "agentPortfolioId", so a
                                // create's answer cannot be read, yet still carries its token
            WithoutIds, // processed; as WithoutPortfolioId, and no token has "userTokenId"
                        // (nor has an add-token's answer), so an add-token's cannot be read
            Html429, // 429 with Retry-After: 7 and an HTML page, not processed
            HugeBody, // processed; 200 with a valid JSON body of 2 MiB
            TokenNotCreated207, // a create makes the portfolio but no token: 207, portfolio
                                // fields, "userTokenCreated": false (other calls: no effect)
            Redirect, // 307 with a Location to the same path, not processed
            Answer, // the fault's own status, content type, headers and body; not processed
        };
        Kind kind;
        int delayMs = 0; // for Delay (the request is processed, the answer comes late)
        QByteArray method; // "POST", "GET", ... or empty
        QString pathPrefix; // e.g. "/api/v1/agent-portfolios"
        int times = 1;
        // For Answer: any status with any body (JSON, HTML, empty), for the combinations the
        // other kinds do not produce. An empty contentType sends no Content-Type header.
        int status = 0;
        QByteArray contentType {};
        QByteArray body {};
        QList<QPair<QByteArray, QByteArray>> headers {};
    };
    void injectFault(const Fault &fault);
    void clearFaults();
    int pendingFaultCount() const;

    // Every request received (even faulted ones), for tests that count what was sent.
    struct RecordedRequest
    {
        QByteArray method;
        QString path;
        QString requestId;
        QByteArray body;
    };
    QList<RecordedRequest> requests() const; // NEVER records header values of keys
    int requestCount(const QByteArray &method = {}, const QString &pathPrefix = {}) const;
    void clearRequests();

    // Current server-side state, for assertions (no secrets: the server keeps none).
    QList<Portfolio> portfolios() const;

    static constexpr qint64 HugeBodyBytes = qint64 { 2 } * 1024 * 1024;

signals:
    void requestHandled(const QByteArray &method, const QString &path, int status);

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override;

private:
    // How an answer reaches the client.
    enum class Delivery { Whole, Truncated, Drop };
    struct Exchange
    {
        QByteArray method;
        QString path;
        QString requestId;
        bool closeConnection = false;
        QString faultName;
    };

    std::optional<Fault> takeFault(const QByteArray &method, const QString &path);
    void deliver(const QPointer<QTcpSocket> &socket, const Exchange &exchange,
                 const SandboxReply &reply, Delivery delivery);

    SandboxState m_state;
    SandboxApi m_api;
    SandboxRateLimiter m_rateLimiter;
    QList<Fault> m_faults;
    QList<RecordedRequest> m_requests;
    QPointer<QTcpServer> m_tcpServer;
    quint16 m_port = 0;
};

} // namespace agentfolio
