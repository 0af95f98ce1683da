#pragma once

#include "api/apierror.h"
#include "domain/portfolio.h"
#include "domain/requests.h"
#include "store/portfolioindex.h"

#include <QObject>
#include <QPointer>
#include <QUuid>
#include <optional>

namespace agentfolio {

class ApiReply;
class HandOffOwner;
class Session;

// One user's intent to create a portfolio, from the confirmed request to a durable
// result. It guarantees what the product promises about money:
// - at most one create is in flight, whatever the widgets do (submit() refuses
//   while busy), and a create is never re-sent;
// - a success goes straight to the hand-off (keychain, then index);
// - an ambiguous outcome is reported as such, and checkNow() looks the name up
//   in the server's list and, if found, adopts the portfolio into the index;
// - a success answer too broken to read still gives up any token secret it carried:
//   the flow holds it (salvagedTokenCount()) until the check finds the portfolio, then
//   hands it to the keychain like any other (rescuedTokens()), or, when no listed token
//   can be told to be its own, keeps holding it for the user to copy (unplacedTokens());
// - a create whose outcome is not known survives the process: it is recorded on disk before
//   it is sent and settled once answered or checked, so a flow made after Agentfolio stopped
//   in between starts in OutcomeUnknown (the token secrets an answer carried are never on
//   disk, and are lost with the process).
class CreateFlow : public QObject
{
    Q_OBJECT
public:
    enum class State {
        Idle,
        Sending,
        Succeeded,
        Failed, // the server refused or nothing was sent: safe to correct and retry
        OutcomeUnknown, // money may have moved: check before anything else
        Checking,
    };
    Q_ENUM(State)

    enum class CheckResult {
        Adopted, // found on the server and now in the index, with any token secret the
                 // answer carried (rescuedTokens(), unplacedTokens())
        AlreadyKnown, // found, and the index already had it
        NotFound, // no portfolio of that name: the create did not happen
        NotYetListed, // none of that name, but the server had answered with a success (2xx):
                      // it did happen, and the outcome stays unknown until the list shows it
        CheckFailed, // the check itself failed; the outcome is still unknown
    };
    Q_ENUM(CheckResult)

    explicit CreateFlow(Session *session, QObject *parent = nullptr);
    ~CreateFlow() override;

    // Sends the request with a fresh request id. Returns false, sending nothing,
    // while a create or a check is under way or the session is not ready. The create is
    // noted on disk first; if that fails, nothing is sent either, and the flow fails with a
    // NotRecorded error (signals as for any other failure).
    bool submit(const CreatePortfolioRequest &request);
    // After OutcomeUnknown: is there a portfolio of the submitted name? Refused (false) unless
    // the account the create was sent for is the active one, and connected.
    bool checkNow();
    // Back to Idle for a new intent. Refused (false) while busy, and while the outcome is
    // unknown: forgetting it would allow the same create to be sent twice and drop any
    // token secret the answer carried.
    bool reset();
    // After OutcomeUnknown, when no check can settle it (the account cannot be reached, or
    // eToro's list never shows the portfolio) and the user has looked on eToro themselves:
    // forgets the create, held token values included, and unlocks. Callers ask first.
    bool abandonUnknownOutcome();

    State state() const { return m_state; }
    bool isBusy() const { return m_state == State::Sending || m_state == State::Checking; }
    QUuid requestId() const { return m_requestId; }
    // The account the last create was sent for; a check must be made from it.
    QString profileId() const { return m_profileId; }
    const CreatePortfolioRequest &request() const { return m_request; }
    const std::optional<ApiError> &lastError() const { return m_error; }
    const CreatePortfolioResult &result() const { return m_result; }
    const std::optional<IndexedPortfolio> &adoptedPortfolio() const { return m_adopted; }
    // While OutcomeUnknown: how many token secrets the unreadable answer still carried.
    qsizetype salvagedTokenCount() const { return m_salvaged.size(); }
    // After a check found the portfolio: the salvaged tokens given to the hand-off (by
    // the id the answer carried, or else by the one listed token of their name); and those
    // it could not give: no listed token could be told to be theirs, or theirs has a secret
    // stored or being saved already (never overwritten). The flow holds those secrets, for
    // the user to copy, until reset() or the next submit(): callers ask the user first.
    const QList<CreatedToken> &rescuedTokens() const { return m_rescued; }
    const QList<CreatedToken> &unplacedTokens() const { return m_unplaced; }
    // The user saved `secret` in the keychain for a token of `profileId` (Paste value…):
    // an unplaced token holding that very value is no longer the only copy, and is let go.
    // Returns whether one was.
    bool releaseUnplaced(const QString &profileId, const Secret &secret);

signals:
    void stateChanged(agentfolio::CreateFlow::State state);
    // The create succeeded (201 or 207); the hand-off has been given the tokens.
    void succeeded(const agentfolio::CreatePortfolioResult &result, const QUuid &requestId);
    // Failed or OutcomeUnknown; the error carries the request id.
    void failed(const agentfolio::ApiError &error);
    void checkFinished(agentfolio::CreateFlow::CheckResult result);

private:
    void setState(State state);
    void createAnswered(ApiReply *reply);
    void checkAnswered(ApiReply *reply);
    void rescueSalvagedTokens(const Portfolio &found);
    // The create in flight or of unknown outcome, on disk (AppSettings): recorded before it
    // is sent, settled once its outcome is known. The constructor takes up the oldest one
    // that no running Agentfolio answers for.
    // True when it took one up (the flow is then OutcomeUnknown). `notSent`: the name of the
    // create submit() holds back for it (empty at construction).
    bool restoreUnsettled(const QString &notSent = QString());
    HandOffOwner *runningOwner() const;
    // False (with why) when the note could not be written.
    bool recordUnsettled(QString *why = nullptr);
    void settle();
    void clearOutcome();

    QPointer<Session> m_session;
    State m_state = State::Idle;
    QString m_profileId; // the profile the create was sent for
    CreatePortfolioRequest m_request;
    QUuid m_requestId;
    QDateTime m_sentAt;
    std::optional<ApiError> m_error;
    CreatePortfolioResult m_result;
    std::optional<IndexedPortfolio> m_adopted;
    QList<CreatedToken> m_salvaged; // secrets from an unreadable answer, until placed
    QList<CreatedToken> m_rescued;
    QList<CreatedToken> m_unplaced;
    bool m_serverAccepted = false; // the create was answered with a 2xx, readable or not
    int m_createStatus = 0; // the create's HTTP status (m_error later holds a check's)
    QPointer<ApiReply> m_reply;
};

} // namespace agentfolio
