#include "resultpanel.h"

#include "clipboardguard.h"
#include "store/tokenhandoff.h"

#include <QBoxLayout>
#include <QCoreApplication>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QStyle>
#include <QTimer>
#include <algorithm>

namespace agentfolio {

namespace {

QLabel *wrappedLabel(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setWordWrap(true);
    // Names come from the server: never interpret them as markup.
    label->setTextFormat(Qt::PlainText);
    return label;
}

// A value to read and select. Screen readers get the field's name, then the value.
QLabel *valueLabel(const QString &objectName, const QString &fieldName, const QString &text,
                   QWidget *parent)
{
    auto *label = wrappedLabel(text, parent);
    label->setObjectName(objectName);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    label->setAccessibleName(fieldName);
    label->setAccessibleDescription(text);
    return label;
}

QFont scaledBold(QFont font, qreal factor)
{
    font.setBold(true);
    if (font.pointSizeF() > 0)
        font.setPointSizeF(font.pointSizeF() * factor);
    return font;
}

} // namespace

ResultPanel::ResultPanel(ClipboardGuard *clipboard, QWidget *parent)
    : QWidget(parent)
    , m_clipboard(clipboard)
{
    m_scroll = new QScrollArea(this);
    m_scroll->setObjectName(QStringLiteral("resultScroll"));
    m_scroll->setWidgetResizable(true);
    m_scroll->setFrameShape(QFrame::NoFrame);
    m_scroll->setWidget(new QWidget);
    // Outside the scroll area: the way on is always in sight, however long the result.
    auto *another = new QPushButton(tr("Create another portfolio"), this);
    another->setObjectName(QStringLiteral("createAnotherButton"));
    another->setAccessibleName(another->text());
    connect(another, &QPushButton::clicked, this, &ResultPanel::createAnotherRequested);
    auto *buttons = new QHBoxLayout;
    // The scroll area runs to the edges; the button keeps the style's usual distance.
    const QStyle *st = style();
    buttons->setContentsMargins(st->pixelMetric(QStyle::PM_LayoutLeftMargin),
                                st->pixelMetric(QStyle::PM_LayoutTopMargin),
                                st->pixelMetric(QStyle::PM_LayoutRightMargin),
                                st->pixelMetric(QStyle::PM_LayoutBottomMargin));
    buttons->addStretch(1);
    buttons->addWidget(another);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_scroll, 1);
    layout->addLayout(buttons);
}

QString ResultPanel::positionSizingPercent(Money investment, Money virtualBalance,
                                           const QLocale &locale)
{
    const qint64 balance = virtualBalance.cents();
    const qint64 amount = investment.cents();
    if (balance <= 0 || amount < 0)
        return {};
    // Hundredths of a percent, rounded half up, in integers: amount <= Money::MaxCents
    // (1e13), so amount * 20'000 stays far below 2^63.
    const qint64 hundredths = (amount * 20'000 + balance) / (2 * balance);
    // Shortest form of at most two decimals: "20", "12.5", "33.33" (locale separators).
    const QString number =
        locale.toString(double(hundredths) / 100.0, 'f', QLocale::FloatingPointShortest);
    return tr("%1 %").arg(number);
}

void ResultPanel::showResult(const QString &profileId, const CreatePortfolioResult &result,
                             Money investment, const QUuid &requestId, TokenHandOff *handOff,
                             const QList<CreatedToken> &heldHere)
{
    m_profileId = profileId;
    m_portfolioId = result.portfolio.id;
    m_handOff = handOff;
    m_cards.clear();
    m_heldHere.clear();

    CreatePortfolioResult shown = result;
    shown.createdTokens += heldHere;
    shown.tokenCreated = !shown.createdTokens.isEmpty();
    const qsizetype firstHeldHere = result.createdTokens.size();
    QWidget *content = buildContent(shown, investment, requestId);
    // The old content may be the sender of the signal that led here ("Create another"):
    // delete it later, never under its own feet.
    if (QWidget *old = m_scroll->takeWidget()) {
        old->hide();
        old->deleteLater();
    }
    m_scroll->setWidget(content);

    for (qsizetype i = 0; i < m_cards.size(); ++i) {
        TokenCard *card = m_cards.at(i);
        if (card->tokenId().isEmpty()) {
            // The hand-off stores tokens by id; without one, this window is all there is.
            m_heldHere.append(card);
            card->setStorageState(
                TokenCard::State::Unsaveable,
                tr("the answer did not say which of the portfolio's tokens this value belongs "
                   "to. If you know, Paste value… on that token under Portfolios and tokens "
                   "saves it."));
            continue;
        }
        if (i >= firstHeldHere) {
            m_heldHere.append(card);
            card->setStorageState(TokenCard::State::Unsaveable, heldReason(card->tokenId()));
            continue;
        }
        if (!m_handOff) {
            card->setStorageState(TokenCard::State::Pending,
                                  tr("No keychain is connected to this window."));
            continue;
        }
        card->setStorageState(TokenCard::State::Saving);
        refreshFromHandOff(card);
    }
    updateIntro();
    // Connections live as long as this content: a later result starts afresh.
    followHandOff(content);
}

QString ResultPanel::heldReason(const QString &tokenId) const
{
    const std::optional<PendingToken> pending =
        m_handOff ? m_handOff->pendingToken(tokenId) : std::nullopt;
    if (pending && pending->profileId == m_profileId && pending->storing)
        return tr("Agentfolio is saving another value for this token, and never overwrites "
                  "one. This one is most likely the same.");
    if (pending && pending->profileId == m_profileId)
        return tr("Agentfolio holds another value for this token, which the keychain refused "
                  "and which is not saved either: retry saving it under Portfolios and tokens. "
                  "This one is most likely the same.");
    return tr("the keychain holds a value for this token already, and Agentfolio never "
              "overwrites one. This one is most likely the same.");
}

bool ResultPanel::isHeldHere(const TokenCard *card) const
{
    for (const QPointer<TokenCard> &held : m_heldHere) {
        if (held == card)
            return true;
    }
    return false;
}

QWidget *ResultPanel::buildContent(const CreatePortfolioResult &result, Money investment,
                                   const QUuid &requestId)
{
    const Portfolio &portfolio = result.portfolio;
    const bool noToken = !result.tokenCreated || result.createdTokens.isEmpty();

    auto *content = new QWidget;
    content->setObjectName(QStringLiteral("resultContent"));
    auto *layout = new QVBoxLayout(content);

    auto *heading = wrappedLabel(tr("Portfolio “%1” created").arg(portfolio.name), content);
    heading->setObjectName(QStringLiteral("heading"));
    heading->setFont(scaledBold(heading->font(), 1.3));
    heading->setAccessibleName(heading->text());
    layout->addWidget(heading);
    m_intro = nullptr;
    if (!noToken) {
        m_intro = wrappedLabel(QString(), content);
        m_intro->setObjectName(QStringLiteral("intro"));
        layout->addWidget(m_intro);
    }

    if (noToken) {
        // 207: money moved and the portfolio exists, but there is no token to hand over.
        auto *box = new QFrame(content);
        box->setObjectName(QStringLiteral("noTokenBox"));
        box->setFrameShape(QFrame::StyledPanel);
        auto *icon = new QLabel(box);
        const int size = style()->pixelMetric(QStyle::PM_MessageBoxIconSize, nullptr, this);
        icon->setPixmap(
            style()->standardIcon(QStyle::SP_MessageBoxWarning, nullptr, this).pixmap(size, size));
        auto *message =
            wrappedLabel(tr("The portfolio was created, but eToro did not create its token."), box);
        message->setObjectName(QStringLiteral("noTokenMessage"));
        message->setFont(scaledBold(message->font(), 1.0));
        auto *hint = wrappedLabel(tr("Add a token to it before your agent can use it. The "
                                     "portfolio is recorded in Agentfolio."),
                                  box);
        auto *add = new QPushButton(tr("Add a token…"), box);
        add->setObjectName(QStringLiteral("addTokenButton"));
        add->setAccessibleName(tr("Add a token to this portfolio"));
        const QString portfolioId = portfolio.id;
        connect(add, &QPushButton::clicked, this,
                [this, portfolioId] { Q_EMIT addTokenRequested(portfolioId); });
        auto *text = new QVBoxLayout;
        text->addWidget(message);
        text->addWidget(hint);
        text->addWidget(add, 0, Qt::AlignLeft);
        auto *row = new QHBoxLayout(box);
        row->addWidget(icon, 0, Qt::AlignTop);
        row->addLayout(text, 1);
        layout->addWidget(box);
    }

    if (!result.createdTokens.isEmpty()) {
        auto *tokens =
            new QGroupBox(result.createdTokens.size() == 1 ? tr("Token") : tr("Tokens"), content);
        tokens->setObjectName(QStringLiteral("tokens"));
        auto *tokenLayout = new QVBoxLayout(tokens);
        for (const CreatedToken &token : result.createdTokens) {
            auto *card = new TokenCard(token, m_clipboard, tokens);
            connect(card, &TokenCard::retryRequested, this, &ResultPanel::retry);
            tokenLayout->addWidget(card);
            m_cards.append(card);
        }
        layout->addWidget(tokens);
    }

    // After the tokens (on screen and for Tab): a token's value, shown only this once, is what
    // the user must act on, and comes first, in view without scrolling.
    // The portfolio's facts.
    auto *facts = new QGroupBox(tr("Portfolio"), content);
    auto *form = new QFormLayout(facts);
    form->setRowWrapPolicy(QFormLayout::WrapLongRows);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);

    form->addRow(
        tr("Name:"),
        valueLabel(QStringLiteral("portfolioName"), tr("Portfolio name"), portfolio.name, facts));

    // Ids the user may need to paste elsewhere: selectable line edits with a Copy button.
    const auto copyableRow = [this, facts](const QString &name, const QString &value,
                                           const QString &fieldName, const QString &copyName) {
        auto *edit = new QLineEdit(value, facts);
        edit->setObjectName(name);
        edit->setReadOnly(true);
        edit->setAccessibleName(fieldName);
        edit->setCursorPosition(0);
        auto *copy = new QPushButton(tr("Copy"), facts);
        copy->setObjectName(name + QStringLiteral("CopyButton"));
        copy->setAccessibleName(copyName);
        copy->setEnabled(m_clipboard && !value.isEmpty());
        connect(copy, &QPushButton::clicked, this, [this, value] {
            if (m_clipboard)
                m_clipboard->copyText(value);
        });
        auto *row = new QHBoxLayout;
        row->addWidget(edit, 1);
        row->addWidget(copy);
        return row;
    };
    form->addRow(tr("Portfolio id:"),
                 copyableRow(QStringLiteral("portfolioId"), portfolio.id, tr("Portfolio id"),
                             tr("Copy the portfolio id")));
    // Ids, not quantities: no group separators.
    form->addRow(
        tr("GCID:"),
        valueLabel(QStringLiteral("gcid"), tr("GCID"), QString::number(portfolio.gcid), facts));
    form->addRow(tr("Mirror id:"),
                 valueLabel(QStringLiteral("mirrorId"), tr("Mirror id"),
                            QString::number(portfolio.mirrorId), facts));
    form->addRow(tr("Virtual balance:"),
                 valueLabel(QStringLiteral("virtualBalance"), tr("Virtual balance"),
                            portfolio.virtualBalance.toDisplayString(), facts));
    form->addRow(tr("Investment:"),
                 valueLabel(QStringLiteral("investment"), tr("Investment"),
                            investment.toDisplayString(), facts));

    const QString percent = positionSizingPercent(investment, portfolio.virtualBalance);
    auto *sizing = valueLabel(QStringLiteral("positionSizing"), tr("Position sizing"),
                              percent.isEmpty() ? tr("Unknown (no virtual balance)")
                                                : tr("%1 of every trade").arg(percent),
                              facts);
    auto *sizingNote = wrappedLabel(
        tr("Your copy mirrors the portfolio's trades in proportion: investment ÷ virtual "
           "balance."),
        facts);
    sizingNote->setObjectName(QStringLiteral("positionSizingNote"));
    sizingNote->setForegroundRole(QPalette::PlaceholderText);
    auto *sizingBox = new QVBoxLayout;
    sizingBox->setSpacing(0);
    sizingBox->addWidget(sizing);
    sizingBox->addWidget(sizingNote);
    form->addRow(tr("Position sizing:"), sizingBox);

    form->addRow(
        tr("Request id:"),
        copyableRow(QStringLiteral("requestId"),
                    requestId.isNull() ? QString() : requestId.toString(QUuid::WithoutBraces),
                    tr("Request id"), tr("Copy the request id")));
    layout->addWidget(facts);

    layout->addStretch(1);
    return content;
}

void ResultPanel::followHandOff(QWidget *context)
{
    if (!m_handOff)
        return;
    connect(m_handOff, &TokenHandOff::tokenStored, context,
            [this](const QString &profileId, const QString &, const QString &tokenId) {
                if (profileId != m_profileId)
                    return;
                if (TokenCard *card = tokenCard(tokenId))
                    card->setStorageState(TokenCard::State::Saved);
                updateIntro();
            });
    connect(m_handOff, &TokenHandOff::tokenPending, context,
            [this](const QString &profileId, const QString &, const QString &tokenId,
                   const SecretStoreError &error) {
                if (profileId != m_profileId)
                    return;
                if (TokenCard *card = tokenCard(tokenId)) {
                    card->setStorageState(TokenCard::State::Pending, error.message);
                    showRefused(card);
                }
                updateIntro();
            });
    // A retry started elsewhere (another window's list of pending tokens): show Saving.
    connect(m_handOff, &TokenHandOff::pendingTokensChanged, context, [this] {
        for (const QPointer<TokenCard> &card : std::as_const(m_cards)) {
            if (card)
                refreshFromHandOff(card);
        }
        updateIntro();
    });
}

void ResultPanel::updateIntro()
{
    if (!m_intro)
        return;
    const bool unsaved = std::any_of(m_cards.cbegin(), m_cards.cend(), [](const auto &card) {
        return card
            && (card->storageState() == TokenCard::State::Pending
                || card->storageState() == TokenCard::State::Unsaveable);
    });
    m_intro->setText(unsaved ? tr("eToro shows a token's value only this once. A value marked "
                                  "“Not saved” below exists only in this window: put it in your "
                                  "agent's configuration or a password manager now.")
                             : tr("eToro shows a token's value only this once. Agentfolio saves "
                                  "it in your system keychain; copy it from here into your "
                                  "agent's configuration."));
}

void ResultPanel::showRefused(TokenCard *card)
{
    QTimer::singleShot(0, card, [this, card = QPointer<TokenCard>(card)] {
        // The card of a result shown since is no longer in the view.
        if (!card || !m_scroll || !m_scroll->widget() || !m_scroll->widget()->isAncestorOf(card))
            return;
        // The card has just grown by the reason, the intro may have too: every layout up to
        // the scroll range must be settled before anything is measured.
        QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
        // All of it if it fits; else its top (name, value, Copy), where ensureWidgetVisible()
        // would centre it.
        if (card->height() <= m_scroll->viewport()->height())
            m_scroll->ensureWidgetVisible(card, 0, 0);
        else
            m_scroll->verticalScrollBar()->setValue(
                card->mapTo(m_scroll->widget(), QPoint(0, 0)).y());
    });
}

void ResultPanel::refreshFromHandOff(TokenCard *card)
{
    if (!m_handOff || isHeldHere(card))
        return;
    const std::optional<PendingToken> pending = m_handOff->pendingToken(card->tokenId());
    if (!pending || pending->profileId != m_profileId)
        return; // stored (tokenStored said so), or not handed over yet: the signals tell
    if (pending->storing)
        card->setStorageState(TokenCard::State::Saving);
    else if (pending->error)
        card->setStorageState(TokenCard::State::Pending, pending->error->message);
}

void ResultPanel::retry(const QString &tokenId)
{
    TokenCard *card = tokenCard(tokenId);
    if (!card || !m_handOff)
        return;
    if (m_handOff->retry(tokenId))
        card->setStorageState(TokenCard::State::Saving);
}

void ResultPanel::heldValueSaved(const Secret &secret)
{
    // The card stays among those held here, so that the hand-off's state of a token with the
    // same id (another value, pending there) never shows on it.
    for (const QPointer<TokenCard> &card : std::as_const(m_heldHere)) {
        if (card && card->holds(secret))
            card->setStorageState(TokenCard::State::Saved);
    }
    updateIntro();
}

bool ResultPanel::hasUnsavedTokens() const
{
    for (const QPointer<TokenCard> &card : m_cards) {
        if (card && card->storageState() != TokenCard::State::Saved)
            return true;
    }
    return false;
}

QList<TokenCard *> ResultPanel::tokenCards() const
{
    QList<TokenCard *> cards;
    for (const QPointer<TokenCard> &card : m_cards) {
        if (card)
            cards.append(card);
    }
    return cards;
}

TokenCard *ResultPanel::tokenCard(const QString &tokenId) const
{
    // The hand-off's card for the token: one held here for copying is not it.
    for (const QPointer<TokenCard> &card : m_cards) {
        if (card && card->tokenId() == tokenId && !isHeldHere(card))
            return card;
    }
    return nullptr;
}

} // namespace agentfolio
