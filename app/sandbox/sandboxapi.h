#pragma once

#include "domain/money.h"
#include "domain/portfolio.h"
#include "domain/secret.h"
#include "sandbox/sandboxreply.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QJsonObject>
#include <QString>
#include <optional>

namespace agentfolio {

class SandboxState;

// One request as the API logic sees it: no socket, no faults, no rate limit.
struct SandboxCall
{
    QByteArray method; // "GET", "POST", ...
    QString path; // "/api/v1/agent-portfolios"
    QByteArray requestId; // x-request-id as received (may be empty)
    Secret apiKey; // x-api-key
    Secret userKey; // x-user-key
    QByteArray body;
};

// The six agent-portfolio endpoints as /work/shared/api/README.md and the seed page describe
// them: routing, authentication, validation (with the domain's Validation rules), the
// answers and their error bodies. It changes `state` and nothing else.
class SandboxApi
{
    Q_DECLARE_TR_FUNCTIONS(SandboxApi)
public:
    static constexpr int MaxTokensPerPortfolio = 10;
    static constexpr qint64 VirtualBalanceCents = qint64 { 10000 } * 100;
    static constexpr qint64 DefaultMinimumInvestmentCents = 20000; // $200

    explicit SandboxApi(SandboxState *state);

    // Unset: any non-empty pair is accepted. Set: only that pair.
    void setRequiredKeys(const Secret &apiKey, const Secret &userKey);
    void setMinimumInvestment(Money minimum) { m_minimumInvestment = minimum; }
    Money minimumInvestment() const { return m_minimumInvestment; }

    // The TokenNotCreated207 fault: a create makes the portfolio but not its token.
    enum class TokenCreation { Normal, Fail };
    SandboxReply handle(const SandboxCall &call,
                        TokenCreation tokenCreation = TokenCreation::Normal);

    // "sk_sandbox_" and 40 random letters and digits from the system generator.
    static QString newTokenSecret();

private:
    SandboxReply listPortfolios();
    SandboxReply createPortfolio(const QJsonObject &body, TokenCreation tokenCreation);
    SandboxReply deletePortfolio(const QString &portfolioId);
    SandboxReply addToken(const QString &portfolioId, const QJsonObject &body);
    SandboxReply updateToken(const QString &portfolioId, const QString &tokenId,
                             const QJsonObject &body);
    SandboxReply revokeToken(const QString &portfolioId, const QString &tokenId);

    std::optional<SandboxReply> checkKeys(const SandboxCall &call) const;
    qint64 newGcid() const;
    qint64 newMirrorId() const;

    SandboxState *m_state;
    std::optional<QPair<Secret, Secret>> m_requiredKeys;
    Money m_minimumInvestment = Money::fromCents(DefaultMinimumInvestmentCents);
};

} // namespace agentfolio
