#include "tokencard.h"

#include "clipboardguard.h"
#include "domain/scopes.h"

#include <QBoxLayout>
#include <QEvent>
#include <QFontDatabase>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QStyle>
#include <QTimeZone>

namespace agentfolio {

namespace {

// The same shape as the create form's: unambiguous in every locale.
const QString DateTimeFormat = QStringLiteral("yyyy-MM-dd HH:mm:ss");

// A value shown to be read and selected, never interpreted as markup (names come from
// the server). Screen readers get the field's name and, as description, the value.
QLabel *valueLabel(const QString &fieldName, const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setTextFormat(Qt::PlainText);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    label->setAccessibleName(fieldName);
    label->setAccessibleDescription(text);
    return label;
}

QString scopesText(const QList<int> &scopeIds)
{
    if (scopeIds.isEmpty())
        return TokenCard::tr("None");
    QStringList lines;
    for (int id : scopeIds) {
        const QString name = Scopes::displayName(id);
        lines.append(name.isEmpty() ? TokenCard::tr("Unknown scope (%1)").arg(id)
                                    : TokenCard::tr("%1 (%2)").arg(name).arg(id));
    }
    return lines.join(QLatin1Char('\n'));
}

QString expiryText(const std::optional<QDateTime> &expiresAt)
{
    if (!expiresAt || !expiresAt->isValid())
        return TokenCard::tr("Never");
    const QDateTime utc = expiresAt->toUTC();
    return TokenCard::tr("%1 your time (%2 UTC)")
        .arg(utc.toLocalTime().toString(DateTimeFormat), utc.toString(DateTimeFormat));
}

} // namespace

TokenCard::TokenCard(const CreatedToken &token, ClipboardGuard *clipboard, QWidget *parent)
    : QFrame(parent)
    , m_token(token.token)
    , m_secret(token.secret)
    , m_clipboard(clipboard)
{
    build();
    updateStorageUi();
    if (m_clipboard) {
        connect(m_clipboard, &ClipboardGuard::copied, this, [this] {
            // Another card (or an id's Copy) replaced our copy: its countdown is not ours.
            m_countdownHere = m_copyingHere;
            if (!m_countdownHere)
                m_clipboardStatus->hide();
        });
        connect(m_clipboard, &ClipboardGuard::countdownChanged, this, &TokenCard::countdownChanged);
    }
}

void TokenCard::build()
{
    setObjectName(QStringLiteral("tokenCard_%1").arg(m_token.id));
    setFrameShape(QFrame::StyledPanel);
    setAccessibleName(tr("Token %1").arg(m_token.name));

    auto *title = new QLabel(m_token.name, this);
    title->setObjectName(QStringLiteral("tokenName"));
    title->setTextFormat(Qt::PlainText);
    title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    title->setAccessibleName(tr("Token name"));
    title->setAccessibleDescription(m_token.name);
    QFont titleFont = title->font();
    titleFont.setBold(true);
    title->setFont(titleFont);

    auto *form = new QFormLayout;
    form->setRowWrapPolicy(QFormLayout::WrapLongRows);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);

    // An answer read only in part may not have said it (see ResultPanel).
    auto *id =
        valueLabel(tr("Token id"), m_token.id.isEmpty() ? tr("Not known") : m_token.id, this);
    id->setObjectName(QStringLiteral("tokenId"));
    form->addRow(tr("Token id:"), id);

    auto *scopes = valueLabel(tr("Scopes"), scopesText(m_token.scopeIds), this);
    scopes->setObjectName(QStringLiteral("scopes"));
    form->addRow(tr("Scopes:"), scopes);

    auto *ips =
        valueLabel(tr("IP allow-list"),
                   m_token.ipsWhitelist.isEmpty() ? tr("Any address")
                                                  : m_token.ipsWhitelist.join(QStringLiteral(", ")),
                   this);
    ips->setObjectName(QStringLiteral("ipAllowList"));
    form->addRow(tr("IP allow-list:"), ips);

    auto *expiry = valueLabel(tr("Expires"), expiryText(m_token.expiresAt), this);
    expiry->setObjectName(QStringLiteral("expiry"));
    form->addRow(tr("Expires:"), expiry);

    // The value: masked (Password echo, which also disables copy and drag) until revealed.
    m_value = new QLineEdit(this);
    m_value->setObjectName(QStringLiteral("tokenValue"));
    m_value->setReadOnly(true);
    m_value->setEchoMode(QLineEdit::Password);
    m_value->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_value->setText(m_secret.reveal()); // shown only on the user's request, never logged
    // Named for what it is: an accessible name or description must never carry the value.
    m_value->setAccessibleName(tr("Token value"));
    m_value->setAccessibleDescription(
        tr("The token's secret value. eToro shows it only once. Hidden until you press Show."));

    m_reveal = new QPushButton(tr("Show"), this);
    m_reveal->setObjectName(QStringLiteral("revealButton"));
    m_reveal->setCheckable(true);
    m_reveal->setAccessibleName(tr("Show the token value"));
    connect(m_reveal, &QPushButton::toggled, this, &TokenCard::setRevealed);

    m_copy = new QPushButton(tr("Copy"), this);
    m_copy->setObjectName(QStringLiteral("copyButton"));
    m_copy->setAccessibleName(tr("Copy the token value"));
    m_copy->setToolTip(tr("Copies the value, marked as a password, and clears the clipboard "
                          "after a while"));
    connect(m_copy, &QPushButton::clicked, this, &TokenCard::copy);

    const bool hasValue = !m_secret.isEmpty();
    m_reveal->setEnabled(hasValue);
    m_copy->setEnabled(hasValue && m_clipboard);
    if (!hasValue)
        m_value->setPlaceholderText(tr("eToro did not send this token's value"));

    auto *valueRow = new QHBoxLayout;
    valueRow->addWidget(m_value, 1);
    valueRow->addWidget(m_reveal);
    valueRow->addWidget(m_copy);
    // What happens to a copied value, right under the value.
    m_clipboardStatus = new QLabel(this);
    m_clipboardStatus->setObjectName(QStringLiteral("clipboardStatus"));
    m_clipboardStatus->setWordWrap(true);
    m_clipboardStatus->hide();
    auto *valueBox = new QVBoxLayout;
    valueBox->addLayout(valueRow);
    valueBox->addWidget(m_clipboardStatus);
    form->addRow(tr("Value:"), valueBox);

    // Where the secret is: the keychain, on its way there, or only here.
    m_storageIcon = new QLabel(this);
    m_storageText = new QLabel(this);
    m_storageText->setObjectName(QStringLiteral("storageState"));
    m_storageText->setTextFormat(Qt::PlainText);
    m_storageText->setWordWrap(true);
    m_storageText->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_retry = new QPushButton(tr("Retry"), this);
    m_retry->setObjectName(QStringLiteral("retryButton"));
    m_retry->setAccessibleName(tr("Retry saving the token in the keychain"));
    connect(m_retry, &QPushButton::clicked, this, [this] { Q_EMIT retryRequested(m_token.id); });

    auto *storageRow = new QHBoxLayout;
    storageRow->addWidget(m_storageIcon, 0, Qt::AlignTop);
    storageRow->addWidget(m_storageText, 1);
    storageRow->addWidget(m_retry, 0, Qt::AlignTop);
    form->addRow(tr("Keychain:"), storageRow);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(title);
    layout->addLayout(form);
}

bool TokenCard::isRevealed() const
{
    return m_value->echoMode() == QLineEdit::Normal;
}

void TokenCard::setRevealed(bool revealed)
{
    if (m_secret.isEmpty())
        revealed = false;
    m_value->setEchoMode(revealed ? QLineEdit::Normal : QLineEdit::Password);
    if (!revealed)
        m_value->deselect();
    {
        const QSignalBlocker blocker(m_reveal);
        m_reveal->setChecked(revealed);
    }
    m_reveal->setText(revealed ? tr("Hide") : tr("Show"));
    m_reveal->setAccessibleName(revealed ? tr("Hide the token value") : tr("Show the token value"));
}

void TokenCard::copy()
{
    if (!m_clipboard || m_secret.isEmpty())
        return;
    m_copyingHere = true;
    m_clipboard->copySecret(m_secret);
    m_copyingHere = false;
    if (m_clipboard->secondsLeft() == 0) {
        // Clearing is turned off: say that it was copied, and that it stays.
        m_clipboardStatus->setText(tr("Copied. The clipboard is not cleared automatically."));
        m_clipboardStatus->show();
    }
}

void TokenCard::countdownChanged(int secondsLeft)
{
    if (!m_countdownHere)
        return;
    if (secondsLeft > 0) {
        m_clipboardStatus->setText(
            tr("Copied. The clipboard is cleared in %1 s.").arg(secondsLeft));
        m_clipboardStatus->show();
    } else {
        m_countdownHere = false;
        m_clipboardStatus->setText(tr("The copied value was removed from the clipboard."));
    }
}

void TokenCard::setStorageState(State state, const QString &problem)
{
    m_state = state;
    m_problem =
        state == State::Pending || state == State::Unsaveable ? problem.trimmed() : QString();
    updateStorageUi();
}

void TokenCard::updateStorageUi()
{
    switch (m_state) {
    case State::Saving:
        m_storageText->setText(tr("Saving…"));
        break;
    case State::Saved:
        m_storageText->setText(tr("Saved in the keychain"));
        break;
    case State::Pending: {
        QString reason = m_problem;
        if (!reason.isEmpty() && !reason.endsWith(QLatin1Char('.'))
            && !reason.endsWith(QLatin1Char('!')) && !reason.endsWith(QLatin1Char('?')))
            reason += QLatin1Char('.');
        m_storageText->setText(
            reason.isEmpty()
                ? tr("Not saved. The token exists only in this window until it is saved.")
                : tr("Not saved: %1 The token exists only in this window until it is "
                     "saved.")
                      .arg(reason));
        break;
    }
    case State::Unsaveable:
        m_storageText->setText(
            tr("Not saved: %1").arg(m_problem) + QLatin1Char(' ')
            + (m_unsaveableAdvice.isEmpty()
                   ? tr("Put it in your agent's configuration or a password manager now: "
                        "Agentfolio forgets it when you start another portfolio, switch "
                        "account or quit.")
                   : m_unsaveableAdvice));
        break;
    }
    m_storageText->setAccessibleName(tr("Keychain state"));
    m_storageText->setAccessibleDescription(m_storageText->text());
    // Retry pressed by keyboard or mouse hides itself: the focus stays on the card (Copy)
    // rather than going on to the next widget of the page, which the page would scroll to.
    if (m_state != State::Pending && m_retry->hasFocus())
        m_copy->setFocus(Qt::OtherFocusReason);
    m_retry->setVisible(m_state == State::Pending);
    updateStorageIcon();
}

void TokenCard::setUnsaveableAdvice(const QString &advice)
{
    m_unsaveableAdvice = advice;
    updateStorageUi();
}

void TokenCard::updateStorageIcon()
{
    QStyle::StandardPixmap pixmap = QStyle::SP_BrowserReload;
    if (m_state == State::Saved)
        pixmap = QStyle::SP_DialogApplyButton;
    else if (m_state == State::Pending || m_state == State::Unsaveable)
        pixmap = QStyle::SP_MessageBoxWarning;
    const int size = style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, this);
    m_storageIcon->setPixmap(style()->standardIcon(pixmap, nullptr, this).pixmap(size, size));
}

void TokenCard::changeEvent(QEvent *event)
{
    QFrame::changeEvent(event);
    if (event->type() == QEvent::StyleChange)
        updateStorageIcon();
}

} // namespace agentfolio
