#include "session/createflow.h"

#include "api/apiclient.h"
#include "session/appsettings.h"
#include "session/session.h"
#include "session/sessionlog.h"
#include "store/handoffowner.h"
#include "store/profilestore.h"
#include "store/tokenhandoff.h"

#include <QDir>
#include <QLocale>
#include <QLockFile>
#include <QSet>

#include <memory>
#include <optional>
#include <utility>

namespace agentfolio {

namespace {

// The token a salvaged secret belongs to. An id the answer gave is authority enough, listed
// or not (the list may lag, or leave tokens out): it came from the server's answer to this
// very create. Without an id, only a name that exactly one listed token has, among those
// that can still take a secret, is trusted; nothing is guessed beyond that.
// `taken`: ids that cannot receive this secret (one is stored already, or another
// salvaged secret went there).
std::optional<UserToken> tokenFor(const CreatedToken &salvaged, const QList<UserToken> &listed,
                                  const QString &requestedName, const QSet<QString> &taken)
{
    const QString name = salvaged.token.name.isEmpty() ? requestedName : salvaged.token.name;
    if (!salvaged.token.id.isEmpty()) {
        for (const UserToken &token : listed) {
            if (token.id == salvaged.token.id)
                return token;
        }
        UserToken token = salvaged.token;
        token.name = name;
        return token;
    }
    std::optional<UserToken> only;
    for (const UserToken &token : listed) {
        if (token.id.isEmpty() || taken.contains(token.id) || token.name != name)
            continue;
        if (only)
            return std::nullopt; // two of that name: no telling which
        only = token;
    }
    return only;
}

} // namespace

CreateFlow::CreateFlow(Session *session, QObject *parent)
    : QObject(parent)
    , m_session(session)
{
    restoreUnsettled();
}

HandOffOwner *CreateFlow::runningOwner() const
{
    return m_session && m_session->handOff() ? m_session->handOff()->owner() : nullptr;
}

bool CreateFlow::restoreUnsettled(const QString &notSent)
{
    if (!m_session || !m_session->settings())
        return false;
    if (m_session->settings()->unsettledCreates().isEmpty())
        return false; // as almost always: nothing to take up, and no file touched for it
    HandOffOwner *owner = runningOwner();
    // Two Agentfolios started at once would both take up the same note, each marking it its
    // own: the reading, the choice and the mark are made under a lock beside the marks. A
    // lock that cannot be had in time (a stuck file system) is gone without: taking up a
    // note twice only makes both check it, while leaving it would forget a create.
    std::unique_ptr<QLockFile> takeUp;
    if (owner) {
        takeUp = std::make_unique<QLockFile>(owner->directory()
                                             + QStringLiteral("/unsettled-creates.lock"));
        // Held for milliseconds: one older than that was left by a process that died with it
        // (its process id perhaps taken by another since), and waiting long would only
        // freeze the window.
        takeUp->setStaleLockTime(10000);
        if (!QDir().mkpath(owner->directory()) || !takeUp->tryLock(1000))
            qCWarning(lcSession) << "unsettled creates: taken up without the lock";
    }
    std::optional<AppSettings::UnsettledCreate> unsettled;
    const QList<AppSettings::UnsettledCreate> noted = m_session->settings()->unsettledCreates();
    for (const AppSettings::UnsettledCreate &create : noted) {
        // Another Agentfolio that is still running sent it (or took it up): it is waiting
        // for the answer or a check itself, and settles it. Taken up here as well, it would
        // be reported stopped, and a check finding nothing yet would invite sending it again
        // while it may still be under way.
        if (owner && owner->isRunning(create.owner))
            continue;
        // Unmarked: a stopped Agentfolio's, or one still running that could not take its mark
        // (see recordUnsettled()). Only a start takes it up; taken before a create, it might
        // be one still under way.
        if (!notSent.isEmpty() && create.owner.isEmpty())
            continue;
        if (create.portfolioName.isEmpty() || !m_session->profiles()->contains(create.profileId)) {
            // No name to look for, or an account that is gone: nothing could ever be checked,
            // and no create can be sent for a removed account. Kept, it would lock for good.
            qCWarning(lcSession).noquote()
                << "an unsettled create without a name or for a removed profile" << create.profileId
                << "is dropped";
            m_session->settings()->clearUnsettledCreate(create.requestId);
            continue;
        }
        if (!unsettled)
            unsettled = create; // the oldest; any other is taken up by the next submit()
    }
    if (!unsettled)
        return false;
    // Taken up: from now on this Agentfolio answers for it, and another one started meanwhile
    // leaves it alone.
    unsettled->owner = owner ? owner->id() : QString();
    if (!m_session->settings()->setUnsettledCreate(*unsettled))
        qCWarning(lcSession) << "the unsettled create could not be marked as taken up";
    takeUp.reset(); // marked: another Agentfolio leaves it alone from now on
    // A create was sent and Agentfolio stopped before its outcome was known: it may have
    // happened. Creates stay locked until a check settles it, as after a lost answer.
    clearOutcome();
    m_profileId = unsettled->profileId;
    m_request = {};
    m_request.portfolioName = unsettled->portfolioName;
    m_request.investment = Money::fromCents(unsettled->investmentCents);
    m_request.description = unsettled->description;
    m_requestId = unsettled->requestId;
    m_sentAt = unsettled->sentAt;
    m_serverAccepted = unsettled->serverAccepted;
    m_createStatus = unsettled->httpStatus;
    ApiError error;
    error.kind = ApiError::Kind::OutcomeUnknown;
    error.requestId = m_requestId;
    const QString sent = unsettled->sentAt.isValid()
        ? tr("at %1", "a date and time")
              .arg(QLocale().toString(unsettled->sentAt.toLocalTime(), QLocale::ShortFormat))
        : tr("at an unknown time");
    // With a success status it did happen: a check that finds nothing yet keeps it locked.
    error.detail = m_serverAccepted
        ? tr("eToro accepted the create of %1, sent %2, with HTTP %3, but its answer could not "
             "be read, and Agentfolio stopped before the portfolio was found")
              .arg(m_request.portfolioName, sent, QString::number(m_createStatus))
        : tr("Agentfolio stopped before eToro answered the create of %1, sent %2")
              .arg(m_request.portfolioName, sent);
    if (!notSent.isEmpty())
        error.detail = tr("%1 was not sent. %2", "the name of the create just asked for, then why")
                           .arg(notSent, error.detail);
    m_error = error;
    setState(State::OutcomeUnknown);
    qCWarning(lcSession).noquote()
        << "the create of" << m_request.portfolioName << "for profile" << m_profileId
        << "request id" << m_requestId.toString(QUuid::WithoutBraces)
        << "was never settled: its outcome is unknown until checked";
    return true;
}

bool CreateFlow::recordUnsettled(QString *why)
{
    if (!m_session || !m_session->settings())
        return true; // nowhere to note it (no settings at all): nothing to fail
    AppSettings::UnsettledCreate unsettled;
    unsettled.profileId = m_profileId;
    unsettled.portfolioName = m_request.portfolioName;
    unsettled.requestId = m_requestId;
    unsettled.investmentCents = m_request.investment.cents();
    unsettled.description = m_request.description;
    unsettled.sentAt = m_sentAt;
    unsettled.serverAccepted = m_serverAccepted;
    unsettled.httpStatus = m_createStatus;
    // Unmarked when this Agentfolio cannot take its mark (the folder beside the index cannot
    // be written; HandOffOwner logs it): another one started meanwhile would take the note for
    // a stopped Agentfolio's (one already running leaves unmarked notes to starts). Refusing
    // every create for that seemed worse than that narrow case.
    HandOffOwner *owner = runningOwner();
    unsettled.owner = owner ? owner->id() : QString();
    if (m_session->settings()->setUnsettledCreate(unsettled, why))
        return true;
    qCWarning(lcSession) << "the create could not be recorded as unsettled on disk";
    return false;
}

void CreateFlow::settle()
{
    if (m_session && m_session->settings())
        m_session->settings()->clearUnsettledCreate(m_requestId);
}

CreateFlow::~CreateFlow()
{
    // An unanswered create is not aborted: its answer (and token) would be lost. The
    // reply belongs to the client and is dropped with it; the UI asks before quitting.
    if (m_reply)
        disconnect(m_reply, nullptr, this, nullptr);
}

void CreateFlow::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    emit stateChanged(state);
}

bool CreateFlow::reset()
{
    if (isBusy() || m_state == State::OutcomeUnknown)
        return false;
    clearOutcome();
    setState(State::Idle);
    return true;
}

void CreateFlow::clearOutcome()
{
    m_error.reset();
    m_adopted.reset();
    m_result = {};
    m_salvaged.clear();
    m_rescued.clear();
    m_unplaced.clear();
    m_serverAccepted = false;
    m_createStatus = 0;
}

bool CreateFlow::submit(const CreatePortfolioRequest &request)
{
    if (isBusy() || !m_session || !m_session->isReady()) {
        qCWarning(lcSession)
            << "create refused: a request is under way or the session is not ready";
        return false;
    }
    if (m_state == State::OutcomeUnknown) {
        // The previous create may have happened: sending again could double the money.
        qCWarning(lcSession) << "create refused: the previous create's outcome is unknown";
        return false;
    }
    // Another Agentfolio stopped with a create unsettled (two stopped at once leave more
    // than one note; a start takes up only the oldest): that one is checked first.
    if (restoreUnsettled(request.portfolioName)) {
        qCWarning(lcSession) << "create refused: an earlier create's outcome is unknown";
        emit failed(*m_error);
        return true;
    }
    m_request = request;
    m_requestId = QUuid::createUuid();
    m_profileId = m_session->activeProfile().id;
    clearOutcome();
    qCInfo(lcSession).noquote() << "create" << request.portfolioName << "for profile" << m_profileId
                                << "request id" << m_requestId.toString(QUuid::WithoutBraces);
    m_sentAt = QDateTime::currentDateTimeUtc();
    QString why;
    if (!recordUnsettled(&why)) {
        // Sent without its note, a create cut off by a stop would be forgotten, and could be
        // sent again. Nothing has left: the user can fix the file and send it then.
        ApiError error;
        error.kind = ApiError::Kind::NotRecorded;
        error.detail = why; // no request id: none was sent, there is nothing to quote
        m_error = error;
        setState(State::Failed);
        emit failed(error);
        return true;
    }
    setState(State::Sending);
    ApiReply *reply = m_session->client()->createPortfolio(request, m_requestId);
    m_reply = reply;
    connect(reply, &ApiReply::finished, this, [this, reply] { createAnswered(reply); });
    return true;
}

void CreateFlow::createAnswered(ApiReply *reply)
{
    reply->deleteLater();
    m_reply = nullptr;
    if (reply->isOk()) {
        m_result = reply->createResult();
        // Durable first: the secret goes to the keychain and the portfolio to the index
        // before anyone is told.
        m_session->handOff()->storeCreated(m_profileId, m_result, m_request.investment,
                                           m_request.description, m_requestId);
        settle();
        setState(State::Succeeded);
        emit succeeded(m_result, m_requestId);
        return;
    }
    m_error = *reply->error();
    m_salvaged = reply->salvagedTokens();
    // A success status says the server created it, however broken the rest of the answer.
    m_createStatus = m_error->httpStatus;
    m_serverAccepted = (m_createStatus >= 200 && m_createStatus < 300) || !m_salvaged.isEmpty();
    if (m_error->kind != ApiError::Kind::OutcomeUnknown)
        settle(); // refused: nothing was created
    else if (QString why; m_serverAccepted && !recordUnsettled(&why)) {
        // A restart must know that eToro said yes: otherwise a check there that finds nothing
        // yet would unlock it. The user is the one left to know.
        m_error->detail = tr("eToro did accept it, but Agentfolio could not note that on disk "
                             "(%1): do not send it again, even if a check after a restart finds "
                             "nothing")
                              .arg(why)
            + (m_error->detail.isEmpty() ? QString() : QStringLiteral("; ") + m_error->detail);
    }
    setState(m_error->kind == ApiError::Kind::OutcomeUnknown ? State::OutcomeUnknown
                                                             : State::Failed);
    emit failed(*m_error);
}

bool CreateFlow::abandonUnknownOutcome()
{
    if (isBusy() || m_state != State::OutcomeUnknown)
        return false;
    qCWarning(lcSession).noquote()
        << "the user unlocked creating without a check; the create of" << m_request.portfolioName
        << "request id" << m_requestId.toString(QUuid::WithoutBraces) << "stays unknown";
    settle();
    clearOutcome();
    setState(State::Idle);
    return true;
}

bool CreateFlow::checkNow()
{
    if (isBusy() || !m_session || m_request.portfolioName.isEmpty())
        return false;
    if (m_state != State::OutcomeUnknown)
        return false;
    if (!m_session->isReady())
        return false; // the account's keys are not read yet, or could not be
    if (m_session->activeProfile().id != m_profileId) {
        // Another account's list says nothing about this create.
        qCWarning(lcSession).noquote() << "check refused: the create was sent for profile"
                                       << m_profileId << "not the active one";
        return false;
    }
    setState(State::Checking);
    ApiReply *reply = m_session->client()->findPortfolioByName(m_request.portfolioName);
    m_reply = reply;
    connect(reply, &ApiReply::finished, this, [this, reply] { checkAnswered(reply); });
    return true;
}

void CreateFlow::checkAnswered(ApiReply *reply)
{
    reply->deleteLater();
    m_reply = nullptr;
    if (!reply->isOk()) {
        m_error = *reply->error();
        setState(State::OutcomeUnknown);
        emit checkFinished(CheckResult::CheckFailed);
        return;
    }
    const std::optional<Portfolio> found = reply->foundPortfolio();
    if (!found && m_serverAccepted) {
        // The create was answered with a success: it happened, whatever the list says
        // yet. Sending again could double the money.
        qCWarning(lcSession).noquote()
            << "check: no portfolio named" << m_request.portfolioName
            << "is listed, yet the create was answered with HTTP" << m_createStatus;
        setState(State::OutcomeUnknown);
        emit checkFinished(CheckResult::NotYetListed);
        return;
    }
    if (!found) {
        qCInfo(lcSession).noquote() << "check: no portfolio named" << m_request.portfolioName;
        m_error.reset();
        settle();
        setState(State::Failed);
        emit checkFinished(CheckResult::NotFound);
        return;
    }
    PortfolioIndex *index = m_session->index();
    if (const auto known = index->portfolio(m_profileId, found->id)) {
        m_adopted = *known;
        rescueSalvagedTokens(*found); // before anything else changes the index's tokens
        settle();
        setState(State::Succeeded);
        emit checkFinished(CheckResult::AlreadyKnown);
        return;
    }
    // Ours, as far as anyone can tell: the name is unique and we just asked for it.
    IndexedPortfolio adopted = IndexedPortfolio::fromPortfolio(*found);
    adopted.investment = m_request.investment;
    adopted.description = m_request.description;
    adopted.createdByRequestId = m_requestId;
    index->upsertPortfolio(m_profileId, adopted);
    m_adopted = adopted;
    qCInfo(lcSession).noquote() << "check: adopted portfolio" << found->id << "into the index";
    rescueSalvagedTokens(*found);
    settle();
    setState(State::Succeeded);
    emit checkFinished(CheckResult::Adopted);
}

bool CreateFlow::releaseUnplaced(const QString &profileId, const Secret &secret)
{
    if (profileId != m_profileId || secret.isEmpty())
        return false;
    const qsizetype released = m_unplaced.removeIf(
        [&secret](const CreatedToken &created) { return created.secret == secret; });
    if (released > 0)
        qCInfo(lcSession).noquote()
            << "create flow:" << released << "unplaced token value(s) saved by the user; let go";
    return released > 0;
}

void CreateFlow::rescueSalvagedTokens(const Portfolio &found)
{
    // Tokens that cannot take a salvaged secret: eToro shows each secret once, so one whose
    // secret is stored already, or which the hand-off holds and is saving, has its own.
    // Neither is ever overwritten.
    QSet<QString> taken;
    if (const auto known = m_session->index()->portfolio(m_profileId, found.id)) {
        for (const IndexedToken &token : known->tokens) {
            if (token.secretStored)
                taken.insert(token.token.id);
        }
    }
    TokenHandOff *handOff = m_session->handOff();
    const auto heldByHandOff = [handOff](const QString &tokenId) {
        return !tokenId.isEmpty() && handOff->pendingToken(tokenId).has_value();
    };
    for (const UserToken &token : found.tokens) {
        if (heldByHandOff(token.id))
            taken.insert(token.id);
    }
    const QList<CreatedToken> salvaged = std::exchange(m_salvaged, {});
    for (const CreatedToken &created : salvaged) {
        const QString &answeredId = created.token.id;
        if (!answeredId.isEmpty() && (taken.contains(answeredId) || heldByHandOff(answeredId))) {
            // The keychain (or the hand-off) has a secret for this token already. This one is
            // most likely the same, but it is not thrown away on a guess: the user sees it.
            m_unplaced.append(created);
            qCWarning(lcSession).noquote()
                << "check: token" << answeredId << "from the create's answer has a secret "
                << "saved or being saved already; the answer's is held for the user to copy";
            continue;
        }
        const auto token = tokenFor(created, found.tokens, m_request.tokenName, taken);
        if (!token) {
            // Its secret is real and shown nowhere else: held for the user to copy.
            m_unplaced.append(created);
            qCWarning(lcSession).noquote()
                << "check: a token secret from the create's answer matches no token listed for"
                << found.id << "; it is held for the user to copy, not stored";
            continue;
        }
        taken.insert(token->id);
        const CreatedToken placed { *token, created.secret };
        handOff->storeAddedToken(m_profileId, found.id, placed);
        m_rescued.append(placed);
        qCInfo(lcSession).noquote()
            << "check: token" << token->id << "from the create's answer handed to the keychain";
    }
}

} // namespace agentfolio
