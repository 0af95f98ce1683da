#pragma once

#include "domain/money.h"
#include "domain/portfolio.h"
#include "tokencard.h"

#include <QList>
#include <QPointer>
#include <QString>
#include <QUuid>
#include <QWidget>
#include <optional>

class QScrollArea;

namespace agentfolio {

class ClipboardGuard;
class TokenHandOff;

// What a create produced: the portfolio's facts, how the copy is sized, the request id to
// quote to support, and one card per token with its value and keychain state. A 207 answer
// (portfolio without token) is said plainly, with a way to add the token.
class ResultPanel : public QWidget
{
    Q_OBJECT
public:
    explicit ResultPanel(ClipboardGuard *clipboard, QWidget *parent = nullptr);

    // Shows `result` (replacing what was shown). The token cards follow `handOff`'s
    // signals for their token ids: call this before, or in the same event-loop turn as,
    // handOff->storeCreated() (its answers always come later), or after it with tokens
    // still pending. `handOff` is not owned; without one the tokens show as not saved.
    // `heldHere`: token secrets that nothing can save (CreateFlow::unplacedTokens()), shown
    // after the result's own tokens for copying, and never followed in the hand-off.
    void showResult(const QString &profileId, const CreatePortfolioResult &result, Money investment,
                    const QUuid &requestId, TokenHandOff *handOff,
                    const QList<CreatedToken> &heldHere = {});

    QString portfolioId() const { return m_portfolioId; }
    // Any token whose secret is not (yet) in the keychain: closing would lose it.
    bool hasUnsavedTokens() const;
    // The user saved `secret` in the keychain (Paste value…): a card held here with that value
    // shows it saved, and no longer counts as unsaved.
    void heldValueSaved(const Secret &secret);
    QList<TokenCard *> tokenCards() const;
    TokenCard *tokenCard(const QString &tokenId) const;

    // "20 %": investment / virtual balance, rounded to at most two decimals, in `locale`.
    // Empty when the virtual balance is not positive.
    static QString positionSizingPercent(Money investment, Money virtualBalance,
                                         const QLocale &locale = QLocale());

Q_SIGNALS:
    // The 207 case: the user wants to add the token eToro did not create.
    void addTokenRequested(const QString &portfolioId);
    void createAnotherRequested();

private:
    QWidget *buildContent(const CreatePortfolioResult &result, Money investment,
                          const QUuid &requestId);
    // Why a value held here cannot be saved under its token id (its token has another).
    QString heldReason(const QString &tokenId) const;
    bool isHeldHere(const TokenCard *card) const;
    void followHandOff(QWidget *context);
    void refreshFromHandOff(TokenCard *card);
    void retry(const QString &tokenId);
    // The intro says whether every value shown is saved, as the cards' states change.
    void updateIntro();
    // A card whose value the keychain refused is scrolled into view: the news must not wait
    // below the portfolio's facts.
    void showRefused(TokenCard *card);

    QPointer<ClipboardGuard> m_clipboard;
    QPointer<TokenHandOff> m_handOff;
    QString m_profileId;
    QString m_portfolioId;
    QScrollArea *m_scroll = nullptr;
    QPointer<QLabel> m_intro;
    QList<QPointer<TokenCard>> m_cards;
    // Cards whose value nothing can save: shown for copying, never the hand-off's.
    QList<QPointer<TokenCard>> m_heldHere;
};

} // namespace agentfolio
