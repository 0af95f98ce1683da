#pragma once

#include "api/apireply.h"
#include "domain/requests.h"
#include "domain/secret.h"

#include <QObject>
#include <QUrl>
#include <QUuid>
#include <chrono>

class QNetworkAccessManager;
class QNetworkReply;

namespace agentfolio {

// The eToro agent-portfolio API, one asynchronous method per endpoint, over an
// injected QNetworkAccessManager (a create or an add-token goes through one made for the
// call, with the injected one's proxy: see send()). It never blocks, never follows a
// redirect, never ignores a TLS error, never sends keys over plain http except to loopback,
// and never re-sends a create or an add-token: an ambiguous one is reported as
// OutcomeUnknown, and findPortfolioByName() or the list is the way to learn what happened.
class ApiClient : public QObject
{
    Q_OBJECT
public:
    static QUrl defaultBaseUrl() { return QUrl(QStringLiteral("https://public-api.etoro.com")); }
    static constexpr std::chrono::milliseconds DefaultTimeout { 30'000 };

    explicit ApiClient(QNetworkAccessManager *network, QObject *parent = nullptr);

    // An empty string when `url` is acceptable as a base URL, else why not (translated).
    static QString checkBaseUrl(const QUrl &url);
    bool setBaseUrl(const QUrl &url, QString *error = nullptr);
    QUrl baseUrl() const { return m_baseUrl; }

    void setCredentials(const Secret &apiKey, const Secret &userKey);
    bool hasCredentials() const { return !m_apiKey.isEmpty() && !m_userKey.isEmpty(); }

    // No progress for this long ends the call (a create then becomes OutcomeUnknown).
    void setTimeout(std::chrono::milliseconds timeout) { m_timeout = timeout; }
    std::chrono::milliseconds timeout() const { return m_timeout; }

    // Each call takes the request id of the user's intent; a new intent, a new id.
    ApiReply *createPortfolio(const CreatePortfolioRequest &request,
                              const QUuid &requestId = QUuid::createUuid());
    ApiReply *listPortfolios(const QUuid &requestId = QUuid::createUuid());
    ApiReply *deletePortfolio(const QString &portfolioId,
                              const QUuid &requestId = QUuid::createUuid());
    ApiReply *addToken(const QString &portfolioId, const AddTokenRequest &request,
                       const QUuid &requestId = QUuid::createUuid());
    ApiReply *updateToken(const QString &portfolioId, const QString &tokenId,
                          const UpdateTokenRequest &request,
                          const QUuid &requestId = QUuid::createUuid());
    ApiReply *revokeToken(const QString &portfolioId, const QString &tokenId,
                          const QUuid &requestId = QUuid::createUuid());
    // Reconciliation after OutcomeUnknown: lists the portfolios and looks for this name.
    ApiReply *findPortfolioByName(const QString &name,
                                  const QUuid &requestId = QUuid::createUuid());

private:
    ApiReply *send(ApiReply::Operation operation, const QByteArray &verb, const QString &path,
                   const QByteArray &body, const QUuid &requestId, const QString &subject = {});
    void handleFinished(ApiReply *reply, QNetworkReply *networkReply, int timesSent, bool timedOut,
                        bool tooLarge, const QString &subject);
    void readSuccess(ApiReply *reply, const QByteArray &body, const QString &subject);
    ApiError errorFromAnswer(int status, const QByteArray &body, const QByteArray &contentType,
                             const RateLimitInfo &rateLimit) const;
    QString redactKeys(QString text) const;

    QNetworkAccessManager *m_network;
    QUrl m_baseUrl = defaultBaseUrl();
    Secret m_apiKey;
    Secret m_userKey;
    std::chrono::milliseconds m_timeout = DefaultTimeout;
};

} // namespace agentfolio
