#pragma once

#include "api/apierror.h"
#include "domain/portfolio.h"

#include <QObject>
#include <QUuid>
#include <optional>

namespace agentfolio {

// One call to the API, like a QNetworkReply with typed answers. Every reply finishes
// exactly once, asynchronously, with either a typed result or an ApiError; both carry
// the request id. The client parents replies to itself; delete one with deleteLater()
// once it has finished (deleting an unfinished reply aborts the call).
class ApiReply : public QObject
{
    Q_OBJECT
public:
    enum class Operation {
        CreatePortfolio,
        ListPortfolios,
        FindPortfolioByName,
        DeletePortfolio,
        AddToken,
        UpdateToken,
        RevokeToken,
    };
    Q_ENUM(Operation)

    ApiReply(Operation operation, const QUuid &requestId, QObject *parent = nullptr);
    ~ApiReply() override;

    Operation operation() const { return m_operation; }
    QUuid requestId() const { return m_requestId; }
    bool isFinished() const { return m_finished; }
    bool isOk() const { return m_finished && !m_error; }
    const std::optional<ApiError> &error() const { return m_error; }
    int httpStatus() const { return m_httpStatus; }
    const RateLimitInfo &rateLimit() const { return m_rateLimit; }

    // Typed answers; each is meaningful only for its operation and when isOk().
    const CreatePortfolioResult &createResult() const { return m_createResult; }
    const QList<Portfolio> &portfolios() const { return m_portfolios; }
    const CreatedToken &createdToken() const { return m_createdToken; }
    // FindPortfolioByName: the portfolio of that name, or nullopt when there is none.
    const std::optional<Portfolio> &foundPortfolio() const { return m_foundPortfolio; }
    // CreatePortfolio or AddToken that finished as OutcomeUnknown because a success answer
    // could not be read: the tokens it still carried with their secrets (see
    // ApiJson::salvageCreatedTokens() and salvageAddedToken()). Their ids may be missing.
    const QList<CreatedToken> &salvagedTokens() const { return m_salvagedTokens; }

    // Stops the call. Before anything was sent it finishes as Cancelled; a create (or an
    // add-token) that may already have reached the server finishes as OutcomeUnknown.
    void abort();

signals:
    void finished();

private:
    friend class ApiClient;
    void finishWithError(ApiError error);
    void finishOk();

    Operation m_operation;
    QUuid m_requestId;
    bool m_finished = false;
    std::optional<ApiError> m_error;
    int m_httpStatus = 0;
    RateLimitInfo m_rateLimit;
    CreatePortfolioResult m_createResult;
    QList<Portfolio> m_portfolios;
    CreatedToken m_createdToken;
    std::optional<Portfolio> m_foundPortfolio;
    QList<CreatedToken> m_salvagedTokens;
    std::function<void()> m_abort;
};

} // namespace agentfolio
