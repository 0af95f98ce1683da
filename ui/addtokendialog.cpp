#include "addtokendialog.h"

#include "domain/scopes.h"
#include "iplistedit.h"

#include <QBoxLayout>
#include <QCheckBox>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGridLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QProgressBar>
#include <QPushButton>
#include <QSpacerItem>
#include <QStyle>

namespace agentfolio {

namespace {

// Shown as "2026-12-31 23:59:59": unambiguous in every locale, and the same shape as the
// UTC value beside it.
const QString DateTimeFormat = QStringLiteral("yyyy-MM-dd HH:mm:ss");

const QList<Field> FormFields = { Field::TokenName, Field::Scopes, Field::IpAllowList,
                                  Field::ExpiresAt };

QLabel *wrappedLabel(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setWordWrap(true);
    // Messages can quote what the user or the server typed: never interpret it as markup.
    label->setTextFormat(Qt::PlainText);
    return label;
}

QLabel *warningIcon(QWidget *parent)
{
    auto *icon = new QLabel(parent);
    const int size = parent->style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, parent);
    icon->setPixmap(parent->style()
                        ->standardIcon(QStyle::SP_MessageBoxWarning, nullptr, parent)
                        .pixmap(size, size));
    icon->setAlignment(Qt::AlignTop);
    return icon;
}

QDateTime defaultExpiry(const QDateTime &now)
{
    // A month ahead, at the end of that day: a sensible first guess that is always valid.
    const QDateTime local = now.toLocalTime();
    return QDateTime(local.date().addDays(30), QTime(23, 59, 59));
}

} // namespace

AddTokenDialog::AddTokenDialog(const QString &portfolioName, QWidget *parent)
    : QDialog(parent)
    , m_portfolioName(portfolioName)
    , m_now([] { return QDateTime::currentDateTimeUtc(); })
{
    setWindowTitle(tr("Add a token to %1").arg(portfolioName));
    buildUi();
    m_updating = true;
    for (int id : Scopes::defaults())
        m_scopes.value(id)->setChecked(true);
    m_updating = false;
    revalidate();
    m_tokenName->setFocus(Qt::OtherFocusReason);
}

AddTokenDialog::~AddTokenDialog()
{
    // ~QDialog hides the dialog, and the focused line edit then reports that editing finished:
    // by then this class's members are gone, so nothing may reach its handlers any more.
    const auto children = findChildren<QObject *>();
    for (QObject *child : children)
        disconnect(child, nullptr, this, nullptr);
}

QWidget *AddTokenDialog::makeProblemBox(Field field, QWidget *input)
{
    auto *box = new QWidget(m_form);
    box->setObjectName(QStringLiteral("problem_%1").arg(fieldJsonName(field)));
    auto *text = wrappedLabel(QString(), box);
    text->setObjectName(QStringLiteral("problemText_%1").arg(fieldJsonName(field)));
    auto *layout = new QHBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(warningIcon(box), 0, Qt::AlignTop);
    layout->addWidget(text, 1);
    box->hide();
    m_fields.insert(field, FieldUi { input, box, text, input->accessibleDescription() });
    return box;
}

void AddTokenDialog::buildUi()
{
    m_form = new QWidget(this);
    m_form->setObjectName(QStringLiteral("addTokenForm"));
    auto *form = new QFormLayout(m_form);
    form->setContentsMargins(0, 0, 0, 0);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->setRowWrapPolicy(QFormLayout::DontWrapRows);

    const auto fieldColumn = [this](QLayout *inputRow, QWidget *problem) {
        auto *column = new QWidget(m_form);
        auto *layout = new QVBoxLayout(column);
        layout->setContentsMargins(0, 0, 0, 0);
        layout->setSpacing(2);
        layout->addLayout(inputRow);
        layout->addWidget(problem);
        return column;
    };
    const auto rowLabel = [this](const QString &text, QWidget *buddy) {
        auto *label = new QLabel(text, m_form);
        label->setBuddy(buddy);
        return label;
    };

    auto *intro = wrappedLabel(tr("A new user token for the agent portfolio “%1”. eToro shows "
                                  "its secret once, right after it is created.")
                                   .arg(m_portfolioName),
                               m_form);
    intro->setObjectName(QStringLiteral("intro"));
    form->addRow(intro);
    form->addItem(new QSpacerItem(0, 4, QSizePolicy::Minimum, QSizePolicy::Fixed));

    m_tokenName = new QLineEdit(m_form);
    m_tokenName->setObjectName(QStringLiteral("tokenName"));
    m_tokenName->setPlaceholderText(tr("e.g. my-trading-token"));
    m_tokenName->setAccessibleName(tr("Token name"));
    m_tokenName->setToolTip(tr("A name for the token, unique within this portfolio, so that you "
                               "can tell its tokens apart."));
    auto *tokenRow = new QHBoxLayout;
    tokenRow->addWidget(m_tokenName);
    form->addRow(rowLabel(tr("&Token name:"), m_tokenName),
                 fieldColumn(tokenRow, makeProblemBox(Field::TokenName, m_tokenName)));

    // Scopes: read in the first row, trade in the second; real left, demo right.
    auto *scopeGrid = new QGridLayout;
    scopeGrid->setContentsMargins(0, 0, 0, 0);
    for (int id : Scopes::all()) {
        auto *box = new QCheckBox(tr("%1 (%2)").arg(Scopes::displayName(id)).arg(id), m_form);
        box->setObjectName(QStringLiteral("scope%1").arg(id));
        box->setAccessibleName(box->text());
        QString what;
        switch (id) {
        case Scopes::RealRead:
            what = tr("Lets the token read your real account.");
            break;
        case Scopes::DemoRead:
            what = tr("Lets the token read your demo account.");
            break;
        case Scopes::RealWrite:
            what = tr("Lets the token trade with real money.");
            break;
        default:
            what = tr("Lets the token trade on your demo account.");
            break;
        }
        box->setToolTip(tr("Scope %1, %2. %3").arg(id).arg(Scopes::apiName(id), what));
        const bool write = id == Scopes::RealWrite || id == Scopes::DemoWrite;
        const bool demo = id == Scopes::DemoRead || id == Scopes::DemoWrite;
        scopeGrid->addWidget(box, write ? 1 : 0, demo ? 1 : 0);
        m_scopes.insert(id, box);
    }
    scopeGrid->setColumnStretch(2, 1);
    QCheckBox *firstScope = m_scopes.value(Scopes::RealRead);
    form->addRow(rowLabel(tr("&Scopes:"), firstScope),
                 fieldColumn(scopeGrid, makeProblemBox(Field::Scopes, firstScope)));

    m_ips = new IpListEdit(m_form);
    m_ips->setObjectName(QStringLiteral("ipAllowList"));
    auto *ipRow = new QHBoxLayout;
    ipRow->addWidget(m_ips);
    form->addRow(rowLabel(tr("&IP allow-list:"), m_ips->entryEdit()),
                 fieldColumn(ipRow, makeProblemBox(Field::IpAllowList, m_ips->entryEdit())));

    // Expiry: never, or a local date and time with its UTC value below it.
    m_neverExpires = new QCheckBox(tr("Never &expires"), m_form);
    m_neverExpires->setObjectName(QStringLiteral("neverExpires"));
    m_neverExpires->setAccessibleName(tr("Token never expires"));
    m_neverExpires->setToolTip(tr("Leave checked for a token that works until you revoke it. "
                                  "Uncheck to choose when it stops working."));
    m_neverExpires->setChecked(true);
    m_expiresAt = new QDateTimeEdit(m_form);
    m_expiresAt->setObjectName(QStringLiteral("expiresAt"));
    m_expiresAt->setTimeSpec(Qt::LocalTime);
    m_expiresAt->setDisplayFormat(DateTimeFormat);
    m_expiresAt->setCalendarPopup(true);
    m_expiresAt->setEnabled(false);
    const QString zone = QDateTime::currentDateTime().timeZoneAbbreviation();
    m_expiresAt->setAccessibleName(tr("Token expiry date and time, local time"));
    m_expiresAt->setToolTip(tr("When the token stops working, in your local time (%1). It is "
                               "sent to eToro in UTC, shown below it.")
                                .arg(zone));
    m_expiresAt->setDateTime(defaultExpiry(m_now()));
    m_expiresAt->installEventFilter(this);
    auto *expiresAtLabel = new QLabel(tr("Local ti&me:"), m_form);
    expiresAtLabel->setBuddy(m_expiresAt);
    m_expiresAtUtc = new QLabel(m_form);
    m_expiresAtUtc->setObjectName(QStringLiteral("expiresAtUtc"));
    m_expiresAtUtc->setTextFormat(Qt::PlainText);
    // The UTC value goes under the date, not beside it: one line would not fit the dialog.
    auto *expiryRow = new QGridLayout;
    expiryRow->setContentsMargins(0, 0, 0, 0);
    expiryRow->setVerticalSpacing(2);
    expiryRow->addWidget(m_neverExpires, 0, 0);
    expiryRow->addItem(new QSpacerItem(12, 0), 0, 1);
    expiryRow->addWidget(expiresAtLabel, 0, 2);
    expiryRow->addWidget(m_expiresAt, 0, 3);
    expiryRow->addWidget(m_expiresAtUtc, 1, 3);
    expiryRow->setColumnStretch(4, 1);
    form->addRow(rowLabel(tr("Token e&xpiry:"), m_neverExpires),
                 fieldColumn(expiryRow, makeProblemBox(Field::ExpiresAt, m_expiresAt)));

    // Below the form: the server's general problems, progress, and the buttons.
    m_generalBox = new QWidget(this);
    m_generalBox->setObjectName(QStringLiteral("problem_general"));
    m_generalText = wrappedLabel(QString(), m_generalBox);
    m_generalText->setObjectName(QStringLiteral("problemText_general"));
    m_generalText->setTextInteractionFlags(Qt::TextSelectableByMouse
                                           | Qt::TextSelectableByKeyboard);
    {
        auto *layout = new QHBoxLayout(m_generalBox);
        layout->setContentsMargins(0, 0, 0, 0);
        layout->addWidget(warningIcon(m_generalBox), 0, Qt::AlignTop);
        layout->addWidget(m_generalText, 1);
    }
    m_generalBox->hide();

    m_busyIndicator = new QProgressBar(this);
    m_busyIndicator->setObjectName(QStringLiteral("busyIndicator"));
    m_busyIndicator->setRange(0, 0); // no percentage: "working"
    m_busyIndicator->setTextVisible(false);
    m_busyIndicator->setMaximumWidth(120);
    m_busyIndicator->hide();
    m_status = wrappedLabel(QString(), this);
    m_status->setObjectName(QStringLiteral("status"));
    m_status->hide();

    auto *buttons = new QDialogButtonBox(this);
    m_add = buttons->addButton(tr("&Add token"), QDialogButtonBox::AcceptRole);
    m_add->setObjectName(QStringLiteral("addToken"));
    m_add->setAccessibleName(tr("Add token"));
    m_add->setToolTip(tr("Ask eToro for the token with these settings. It is enabled once "
                         "every field is valid."));
    m_add->setDefault(true);
    m_cancel = buttons->addButton(QDialogButtonBox::Cancel);
    m_cancel->setObjectName(QStringLiteral("cancel"));
    m_cancel->setAccessibleName(tr("Cancel"));
    m_cancel->setToolTip(tr("Close without adding a token."));
    // Add token is not QDialog::accept: the caller accepts once eToro has made the token.
    connect(m_add, &QPushButton::clicked, this, &AddTokenDialog::submit);
    connect(m_cancel, &QPushButton::clicked, this, &AddTokenDialog::reject);

    auto *bottom = new QHBoxLayout;
    bottom->addWidget(m_busyIndicator);
    bottom->addWidget(m_status, 1);
    bottom->addWidget(buttons);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_form);
    layout->addStretch(1);
    layout->addWidget(m_generalBox);
    layout->addLayout(bottom);
    setMinimumWidth(560);

    QList<QWidget *> chain = { m_tokenName };
    for (int id : Scopes::all())
        chain.append(m_scopes.value(id));
    chain += { m_ips->entryEdit(),
               m_ips->addButton(),
               m_ips->listWidget(),
               m_ips->removeButton(),
               m_neverExpires,
               m_expiresAt,
               m_add,
               m_cancel };
    for (int i = 1; i < chain.size(); ++i)
        setTabOrder(chain.at(i - 1), chain.at(i));

    // Every edit by the user is validated at once; the dialog's own changes are not edits.
    connect(m_tokenName, &QLineEdit::textChanged, this, [this] { userEdited(Field::TokenName); });
    for (QCheckBox *box : std::as_const(m_scopes))
        connect(box, &QCheckBox::toggled, this, [this] { userEdited(Field::Scopes); });
    connect(m_ips, &IpListEdit::edited, this, [this] { userEdited(Field::IpAllowList); });
    connect(m_ips, &IpListEdit::addRefused, this, [this] {
        // Refused: now say why, with the core's message for what was typed.
        m_ipPendingShown = true;
        userEdited(Field::IpAllowList);
    });
    connect(m_ips, &IpListEdit::entryFinished, this, [this] {
        m_ipPendingShown = true;
        updateProblemLabels();
    });
    connect(m_ips->entryEdit(), &QLineEdit::textEdited, this, [this] {
        // Half an address is always wrong; judge it when the user is done with it.
        m_ipPendingShown = false;
        updateProblemLabels();
    });
    connect(m_neverExpires, &QCheckBox::toggled, this, [this](bool never) {
        m_expiresAt->setEnabled(!never && !m_busy);
        if (m_updating)
            return;
        if (!never && !m_expiryEdited) {
            // A fresh default each time, from the clock the dialog validates with.
            m_updating = true;
            m_expiresAt->setDateTime(defaultExpiry(m_now()));
            m_updating = false;
        }
        userEdited(Field::ExpiresAt);
    });
    connect(m_expiresAt, &QDateTimeEdit::dateTimeChanged, this, [this] {
        if (m_updating)
            return;
        m_expiryEdited = true;
        userEdited(Field::ExpiresAt);
    });
}

TokenDraft AddTokenDialog::draft() const
{
    TokenDraft draft;
    draft.tokenName = m_tokenName->text();
    for (auto it = m_scopes.cbegin(); it != m_scopes.cend(); ++it) {
        if (it.value()->isChecked())
            draft.scopeIds.append(it.key());
    }
    draft.ipsWhitelist = m_ips->entries();
    // An address typed but not added is sent too: never silently dropped.
    const QString pending = m_ips->pendingEntry();
    if (!pending.isEmpty())
        draft.ipsWhitelist.append(pending);
    if (!m_neverExpires->isChecked())
        draft.expiresAt = m_expiresAt->dateTime();
    return draft;
}

AddTokenRequest AddTokenDialog::request() const
{
    return Validation::validateToken(draft(), m_now()).value.value_or(AddTokenRequest());
}

void AddTokenDialog::setBusy(bool busy, const QString &status)
{
    if (busy && !m_busy) {
        QWidget *focus = focusWidget();
        m_focusBeforeBusy = focus && isAncestorOf(focus) ? focus : nullptr;
    }
    m_busy = busy;
    m_form->setEnabled(!busy);
    m_add->setEnabled(!busy && m_valid);
    m_cancel->setEnabled(!busy);
    m_busyIndicator->setVisible(busy);
    m_status->setText(status);
    m_status->setVisible(busy && !status.isEmpty());
    growToFit();
    if (!busy && m_focusBeforeBusy) {
        // Back where the user was, so the keyboard user does not start over.
        if (m_focusBeforeBusy->isEnabled())
            m_focusBeforeBusy->setFocus(Qt::OtherFocusReason);
        m_focusBeforeBusy.clear();
    }
}

void AddTokenDialog::showServerProblem(Field field, const QString &message)
{
    if (!FormFields.contains(field))
        field = Field::None;
    QStringList &messages = m_serverProblems[field];
    if (!messages.contains(message))
        messages.append(message);
    // The caller's request is over: the user can fix the field and try again. A problem at a
    // field takes the keyboard there; otherwise it goes back where it was.
    if (field != Field::None)
        m_focusBeforeBusy.clear();
    setBusy(false);
    updateProblemLabels();
    if (field != Field::None) {
        QWidget *input = m_fields.value(field).input;
        if (input && input->isEnabled())
            input->setFocus(Qt::OtherFocusReason);
    }
}

void AddTokenDialog::clearServerProblems()
{
    m_serverProblems.clear();
    updateProblemLabels();
}

QStringList AddTokenDialog::shownProblems(Field field) const
{
    if (field == Field::None)
        return m_generalBox->isHidden() ? QStringList()
                                        : m_generalText->text().split(QLatin1Char('\n'));
    const FieldUi ui = m_fields.value(field);
    if (!ui.box || ui.box->isHidden())
        return {};
    return ui.text->text().split(QLatin1Char('\n'));
}

void AddTokenDialog::setNow(std::function<QDateTime()> clock)
{
    m_now = clock ? std::move(clock) : [] { return QDateTime::currentDateTimeUtc(); };
    if (!m_expiryEdited) {
        m_updating = true;
        m_expiresAt->setDateTime(defaultExpiry(m_now()));
        m_updating = false;
    }
    revalidate();
}

void AddTokenDialog::done(int result)
{
    // A request is running: its answer may carry the token's one-time secret, so the dialog
    // waits for the caller (the client's timeout bounds the wait).
    if (m_busy && result != Accepted)
        return;
    QDialog::done(result);
}

void AddTokenDialog::keyPressEvent(QKeyEvent *event)
{
    // Enter in a field confirms; on an invalid form it shows every problem instead of doing
    // nothing. A focused button keeps QDialog's meaning of Enter (it clicks that button).
    if ((event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter)
        && (event->modifiers() & ~Qt::KeypadModifier) == Qt::NoModifier
        && !qobject_cast<QPushButton *>(focusWidget())) {
        event->accept();
        submit();
        return;
    }
    QDialog::keyPressEvent(event);
}

bool AddTokenDialog::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_expiresAt && event->type() == QEvent::KeyPress) {
        // QDateTimeEdit moves on by itself once a section is full ("2026" -> month), and then
        // takes the separator the user types next ("-") as "move on" once more: typing
        // "2026-12-31 23:59:59" would give 2026-02-12 03:12:35. A separator right after such
        // a move is the one the user meant to type there, so it is absorbed.
        const auto *key = static_cast<QKeyEvent *>(event);
        const QString text = key->text();
        const int before = m_expirySectionBeforeDigit;
        m_expirySectionBeforeDigit = -1;
        if (text.size() == 1 && text.at(0).isDigit()) {
            m_expirySectionBeforeDigit = int(m_expiresAt->currentSection());
        } else if (text.size() == 1 && text.at(0).isPrint() && before != -1
                   && before != int(m_expiresAt->currentSection())) {
            return true;
        }
    }
    return QDialog::eventFilter(watched, event);
}

void AddTokenDialog::userEdited(Field field)
{
    if (m_updating)
        return;
    if (!m_touched.contains(field))
        m_touched.append(field);
    // The server judged what was there before; once the user changes it, that is stale.
    m_serverProblems.remove(field);
    revalidate();
}

void AddTokenDialog::revalidate()
{
    const auto result = Validation::validateToken(draft(), m_now());
    m_problems = result.problems;
    m_valid = result.ok();
    m_add->setEnabled(m_valid && !m_busy);
    updateProblemLabels();
    updateExpiryUi();
}

void AddTokenDialog::updateProblemLabels()
{
    // Where the typed (not yet added) address sits in the draft's list.
    const int pendingIndex = m_ips->pendingEntry().isEmpty() ? -1 : int(m_ips->entries().size());
    for (auto it = m_fields.begin(); it != m_fields.end(); ++it) {
        const Field field = it.key();
        FieldUi &ui = it.value();
        QStringList messages;
        if (m_submitAttempted || m_touched.contains(field)) {
            for (const Problem &problem : std::as_const(m_problems)) {
                if (problem.field != field)
                    continue;
                if (field == Field::IpAllowList && problem.entry >= 0
                    && problem.entry == pendingIndex && !m_ipPendingShown && !m_submitAttempted)
                    continue;
                messages.append(problem.message);
            }
        }
        messages += m_serverProblems.value(field);
        const QString text = messages.join(QLatin1Char('\n'));
        ui.text->setText(text);
        ui.box->setVisible(!messages.isEmpty());
        ui.input->setAccessibleDescription(
            text.isEmpty()
                ? ui.description
                : (ui.description.isEmpty() ? text : ui.description + QLatin1Char('\n') + text));
    }
    const QStringList general = m_serverProblems.value(Field::None);
    m_generalText->setText(general.join(QLatin1Char('\n')));
    m_generalBox->setVisible(!general.isEmpty());
    growToFit();
}

void AddTokenDialog::growToFit()
{
    // A message appearing under a field needs room: the dialog grows rather than squeezing
    // the fields (it never shrinks under the user's hands).
    if (!isVisible() || !layout())
        return;
    layout()->activate();
    const int needed = layout()->hasHeightForWidth() ? layout()->totalHeightForWidth(width())
                                                     : layout()->totalSizeHint().height();
    if (needed > height())
        resize(width(), needed);
}

void AddTokenDialog::showEvent(QShowEvent *event)
{
    QDialog::showEvent(event);
    growToFit();
}

void AddTokenDialog::updateExpiryUi()
{
    m_expiresAtUtc->setVisible(!m_neverExpires->isChecked());
    if (m_neverExpires->isChecked()) {
        m_expiresAtUtc->clear();
        return;
    }
    const QDateTime utc = m_expiresAt->dateTime().toUTC();
    m_expiresAtUtc->setText(tr("= %1 UTC").arg(utc.toString(DateTimeFormat)));
}

void AddTokenDialog::submit()
{
    // Once per press: never while a request runs, never re-entered from a receiver.
    if (m_busy || m_emitting)
        return;
    // "Now" moves on while the dialog is open; judge the expiry at the moment of the press.
    const auto result = Validation::validateToken(draft(), m_now());
    if (!result.ok()) {
        m_submitAttempted = true;
        revalidate();
        QWidget *input = m_fields.value(result.problems.first().field).input;
        if (input && input->isEnabled())
            input->setFocus(Qt::OtherFocusReason);
        return;
    }
    m_ips->commitPending();
    m_emitting = true;
    const QPointer<AddTokenDialog> self(this);
    emit addRequested(*result.value);
    if (self)
        m_emitting = false;
}

} // namespace agentfolio
