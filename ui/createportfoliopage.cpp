#include "createportfoliopage.h"

#include "domain/scopes.h"
#include "iplistedit.h"
#include "wrappinglabel.h"

#include <QBoxLayout>
#include <QCheckBox>
#include <QDateTimeEdit>
#include <QFocusEvent>
#include <QFormLayout>
#include <QGridLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QStyle>
#include <QTimeZone>

namespace agentfolio {

namespace {

// Shown as "2026-12-31 23:59:59": unambiguous in every locale, and the same shape as the
// UTC value beside it.
const QString DateTimeFormat = QStringLiteral("yyyy-MM-dd HH:mm:ss");

const QList<Field> FormFields = { Field::InvestmentAmount, Field::PortfolioName, Field::TokenName,
                                  Field::Scopes,           Field::IpAllowList,   Field::ExpiresAt,
                                  Field::Description };

QLabel *wrappedLabel(const QString &text, QWidget *parent)
{
    return new WrappingLabel(text, parent);
}

// The warning sign beside a problem, looked up when it is first shown. The style's warning
// icon comes from the desktop's icon theme, and the first look-up of a themed icon reads
// the theme's index and scans its folders: more work than building the rest of the page,
// spent before the window can show, for a sign that most starts never show.
class WarningSign : public QLabel
{
public:
    explicit WarningSign(QWidget *parent)
        : QLabel(parent)
    {
        setAlignment(Qt::AlignTop);
    }

protected:
    void showEvent(QShowEvent *event) override
    {
        if (pixmap().isNull()) {
            const int size = style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, this);
            setPixmap(style()
                          ->standardIcon(QStyle::SP_MessageBoxWarning, nullptr, this)
                          .pixmap(size, size));
        }
        QLabel::showEvent(event);
    }
};

} // namespace

CreatePortfolioPage::CreatePortfolioPage(QWidget *parent)
    : QWidget(parent)
    , m_now([] { return QDateTime::currentDateTimeUtc(); })
{
    buildForm();
    for (int id : Scopes::defaults())
        m_scopes.value(id)->setChecked(true);
    revalidate();
}

CreatePortfolioPage::~CreatePortfolioPage()
{
    // QWidget deletes the children after this class's members are gone, and a child can
    // still signal on its way out (a line edit losing focus finishes editing): cut them off.
    const auto children = findChildren<QObject *>();
    for (QObject *child : children)
        QObject::disconnect(child, nullptr, this, nullptr);
}

QWidget *CreatePortfolioPage::makeProblemBox(Field field, QWidget *input)
{
    auto *box = new QWidget(m_form);
    box->setObjectName(QStringLiteral("problem_%1").arg(fieldJsonName(field)));
    auto *icon = new WarningSign(box);
    auto *text = wrappedLabel(QString(), box);
    text->setObjectName(QStringLiteral("problemText_%1").arg(fieldJsonName(field)));
    auto *layout = new QHBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(icon, 0, Qt::AlignTop);
    layout->addWidget(text, 1);
    box->hide();
    m_fields.insert(
        field, FieldUi { input, box, text, input ? input->accessibleDescription() : QString() });
    return box;
}

void CreatePortfolioPage::buildForm()
{
    m_scroll = new QScrollArea(this);
    m_scroll->setWidgetResizable(true);
    m_scroll->setFrameShape(QFrame::NoFrame);
    m_form = new QWidget(m_scroll);
    m_form->setObjectName(QStringLiteral("createPortfolioForm"));
    // Given to the scroll area while still empty: set later, the full form would be laid
    // out at the area's initial width (a column of wrapped words) only to be laid out
    // again at the window's when it shows, a tenth of the start-up time.
    m_scroll->setWidget(m_form);
    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->setRowWrapPolicy(QFormLayout::DontWrapRows);
    // Spare height goes below the form, not between its rows.
    auto *formColumn = new QVBoxLayout(m_form);
    formColumn->addLayout(form);
    formColumn->addStretch(1);
    // Short inputs for short values: a field as wide as the window invites a novel.
    const int charWidth = fontMetrics().horizontalAdvance(QLatin1Char('0'));

    auto *heading = new QLabel(tr("Create an agent portfolio"), m_form);
    QFont headingFont = heading->font();
    headingFont.setPointSizeF(headingFont.pointSizeF() * 1.4);
    headingFont.setBold(true);
    heading->setFont(headingFont);
    form->addRow(heading);
    form->addRow(wrappedLabel(tr("eToro creates the portfolio together with its first user token. "
                                 "The investment copies the portfolio's trades with real money."),
                              m_form));

    const auto fieldColumn = [this](QLayout *inputRow, const QList<QWidget *> &below) {
        auto *column = new QWidget(m_form);
        auto *layout = new QVBoxLayout(column);
        layout->setContentsMargins(0, 0, 0, 0);
        layout->setSpacing(2);
        layout->addLayout(inputRow);
        for (QWidget *widget : below)
            layout->addWidget(widget);
        return column;
    };
    const auto rowLabel = [this](const QString &text, QWidget *buddy) {
        auto *label = new QLabel(text, m_form);
        label->setBuddy(buddy);
        return label;
    };

    // Investment amount: a line edit, not a spin box, so that exactly what was typed is judged.
    m_amount = new QLineEdit(m_form);
    m_amount->setObjectName(QStringLiteral("investmentAmount"));
    m_amount->setPlaceholderText(QLocale().toString(2000.0, 'f', 2));
    m_amount->setAccessibleName(tr("Investment amount in US dollars"));
    m_amount->setToolTip(tr("How many US dollars to invest, with at most two decimals. The "
                            "amount is deducted from your real eToro account balance and copies "
                            "the portfolio's trades in proportion."));
    m_amount->setMaxLength(32);
    auto *currency = new QLabel(tr("USD"), m_form);
    auto *amountRow = new QHBoxLayout;
    m_amount->setMaximumWidth(22 * charWidth);
    amountRow->addWidget(m_amount, 1);
    amountRow->addWidget(currency);
    amountRow->addStretch(1);
    m_amountNote = wrappedLabel(tr("Deducted from your real eToro account balance."), m_form);
    m_amountNote->setObjectName(QStringLiteral("amountNote"));
    QFont noteFont = m_amountNote->font();
    noteFont.setBold(true);
    m_amountNote->setFont(noteFont);
    // Screen readers announce it with the field, not only sighted users see it.
    m_amount->setAccessibleDescription(m_amountNote->text());
    form->addRow(rowLabel(tr("Investment &amount:"), m_amount),
                 fieldColumn(amountRow,
                             { m_amountNote, makeProblemBox(Field::InvestmentAmount, m_amount) }));

    // Portfolio name with its live counter.
    m_name = new QLineEdit(m_form);
    m_name->setObjectName(QStringLiteral("portfolioName"));
    m_name->setPlaceholderText(tr("e.g. MyPort1"));
    m_name->setAccessibleName(tr("Portfolio name"));
    m_name->setToolTip(tr("A unique name for the portfolio on eToro: %1 to %2 characters.")
                           .arg(Validation::PortfolioNameMin)
                           .arg(Validation::PortfolioNameMax));
    m_nameCounter = new QLabel(m_form);
    m_nameCounter->setObjectName(QStringLiteral("nameCounter"));
    m_nameCounter->setToolTip(tr("Characters used, of at most %1 (at least %2).")
                                  .arg(Validation::PortfolioNameMax)
                                  .arg(Validation::PortfolioNameMin));
    auto *nameRow = new QHBoxLayout;
    m_name->setMaximumWidth(22 * charWidth);
    nameRow->addWidget(m_name, 1);
    nameRow->addWidget(m_nameCounter);
    nameRow->addStretch(1);
    form->addRow(rowLabel(tr("P&ortfolio name:"), m_name),
                 fieldColumn(nameRow, { makeProblemBox(Field::PortfolioName, m_name) }));

    // Token name.
    m_tokenName = new QLineEdit(m_form);
    m_tokenName->setObjectName(QStringLiteral("tokenName"));
    m_tokenName->setPlaceholderText(tr("e.g. my-trading-token"));
    m_tokenName->setAccessibleName(tr("Token name"));
    m_tokenName->setToolTip(tr("A name for the portfolio's first user token, so that you can "
                               "tell its tokens apart."));
    auto *tokenRow = new QHBoxLayout;
    m_tokenName->setMaximumWidth(44 * charWidth);
    tokenRow->addWidget(m_tokenName, 2);
    tokenRow->addStretch(1);
    form->addRow(rowLabel(tr("&Token name:"), m_tokenName),
                 fieldColumn(tokenRow, { makeProblemBox(Field::TokenName, m_tokenName) }));

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
                 fieldColumn(scopeGrid, { makeProblemBox(Field::Scopes, firstScope) }));

    // IP allow-list.
    m_ips = new IpListEdit(m_form);
    m_ips->setObjectName(QStringLiteral("ipAllowList"));
    auto *ipRow = new QHBoxLayout;
    m_ips->setMaximumWidth(60 * charWidth);
    ipRow->addWidget(m_ips, 2);
    ipRow->addStretch(1);
    form->addRow(rowLabel(tr("&IP allow-list:"), m_ips->entryEdit()),
                 fieldColumn(ipRow, { makeProblemBox(Field::IpAllowList, m_ips->entryEdit()) }));

    // Expiry: never, or a local date and time with its UTC value beside it.
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
                               "sent to eToro in UTC, shown beside it.")
                                .arg(zone));
    {
        const QDateTime local = m_now().toLocalTime();
        m_expiresAt->setDateTime(QDateTime(local.date().addDays(30), QTime(23, 59, 59)));
    }
    auto *expiresAtLabel = new QLabel(tr("Local ti&me:"), m_form);
    expiresAtLabel->setBuddy(m_expiresAt);
    m_expiresAtUtc = new QLabel(m_form);
    m_expiresAtUtc->setObjectName(QStringLiteral("expiresAtUtc"));
    m_expiresAtUtc->setTextFormat(Qt::PlainText);
    auto *expiryRow = new QHBoxLayout;
    expiryRow->addWidget(m_neverExpires);
    expiryRow->addSpacing(12);
    expiryRow->addWidget(expiresAtLabel);
    expiryRow->addWidget(m_expiresAt);
    expiryRow->addWidget(m_expiresAtUtc);
    expiryRow->addStretch(1);
    form->addRow(rowLabel(tr("Token e&xpiry:"), m_neverExpires),
                 fieldColumn(expiryRow, { makeProblemBox(Field::ExpiresAt, m_expiresAt) }));

    // Description: several lines, but Tab still moves on through the form.
    m_description = new QPlainTextEdit(m_form);
    m_description->setObjectName(QStringLiteral("description"));
    m_description->setTabChangesFocus(true);
    m_description->setPlaceholderText(tr("Optional: what the portfolio is for"));
    m_description->setAccessibleName(tr("Description"));
    m_description->setToolTip(tr("Optional. A description of the portfolio's purpose or "
                                 "strategy."));
    const int lines = 3;
    m_description->setFixedHeight(
        m_description->fontMetrics().lineSpacing() * lines
        + 2 * (m_description->frameWidth() + int(m_description->document()->documentMargin())) + 4);
    auto *descriptionRow = new QHBoxLayout;
    descriptionRow->addWidget(m_description);
    form->addRow(
        rowLabel(tr("&Description:"), m_description),
        fieldColumn(descriptionRow, { makeProblemBox(Field::Description, m_description) }));

    // Below the scrolled form, always visible: general problems, progress, Create.
    m_generalBox = new QWidget(this);
    m_generalBox->setObjectName(QStringLiteral("problem_general"));
    {
        auto *icon = new WarningSign(m_generalBox);
        m_generalText = wrappedLabel(QString(), m_generalBox);
        m_generalText->setObjectName(QStringLiteral("problemText_general"));
        auto *layout = new QHBoxLayout(m_generalBox);
        layout->setContentsMargins(0, 0, 0, 0);
        layout->addWidget(icon, 0, Qt::AlignTop);
        layout->addWidget(m_generalText, 1);
    }
    m_generalBox->hide();

    m_busyIndicator = new QProgressBar(this);
    m_busyIndicator->setObjectName(QStringLiteral("busyIndicator"));
    m_busyIndicator->setRange(0, 0); // no percentage: "working"
    m_busyIndicator->setTextVisible(false);
    m_busyIndicator->setMaximumWidth(160);
    m_busyIndicator->hide();
    m_status = wrappedLabel(QString(), this);
    m_status->setObjectName(QStringLiteral("status"));
    m_status->hide();

    m_create = new QPushButton(tr("&Create portfolio"), this);
    m_create->setObjectName(QStringLiteral("createButton"));
    m_create->setAccessibleName(tr("Create portfolio"));
    m_create->setToolTip(tr("Create the portfolio on eToro with these settings. It is enabled "
                            "once every field is valid."));
    m_create->setDefault(true);
    m_create->setAutoDefault(true);

    auto *bottom = new QHBoxLayout;
    bottom->addWidget(m_busyIndicator);
    bottom->addWidget(m_status, 1);
    bottom->addStretch();
    bottom->addWidget(m_create);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_scroll, 1);
    layout->addWidget(m_generalBox);
    layout->addLayout(bottom);

    // The scroll area brings a field into view when Tab reaches it, not when Alt+letter
    // does: in a short window the user would type into a field out of sight. Only then: a
    // click or the window's return must not move the form under the user.
    const QList<QWidget *> inForm = m_form->findChildren<QWidget *>();
    for (QWidget *widget : inForm) {
        if (widget->focusPolicy() != Qt::NoFocus)
            widget->installEventFilter(this);
    }

    // Tab follows the form from top to bottom, whatever order the widgets were made in.
    QList<QWidget *> chain = { m_amount, m_name, m_tokenName };
    for (int id : Scopes::all())
        chain.append(m_scopes.value(id));
    chain += { m_ips->entryEdit(), m_ips->addButton(), m_ips->listWidget(), m_ips->removeButton(),
               m_neverExpires,     m_expiresAt,        m_description,       m_create };
    for (int i = 1; i < chain.size(); ++i)
        setTabOrder(chain.at(i - 1), chain.at(i));
    setFocusProxy(m_amount);

    // Every edit by the user is validated at once; the page's own changes are not edits.
    const auto onText = [this](QLineEdit *edit, Field field) {
        connect(edit, &QLineEdit::textChanged, this, [this, field] { userEdited(field); });
    };
    onText(m_amount, Field::InvestmentAmount);
    onText(m_name, Field::PortfolioName);
    onText(m_tokenName, Field::TokenName);
    connect(m_name, &QLineEdit::textChanged, this, &CreatePortfolioPage::updateNameCounter);
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
        m_expiresAt->setEnabled(!never);
        if (m_updating)
            return;
        if (!never && !m_expiryEdited) {
            // A fresh default each time, from the clock the page validates with.
            const QDateTime local = m_now().toLocalTime();
            m_updating = true;
            m_expiresAt->setDateTime(QDateTime(local.date().addDays(30), QTime(23, 59, 59)));
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
    connect(m_description, &QPlainTextEdit::textChanged, this,
            [this] { userEdited(Field::Description); });
    connect(m_create, &QPushButton::clicked, this, &CreatePortfolioPage::submit);
}

CreatePortfolioDraft CreatePortfolioPage::draft() const
{
    CreatePortfolioDraft draft;
    draft.investmentAmount = m_amount->text();
    draft.portfolioName = m_name->text();
    draft.tokenName = m_tokenName->text();
    for (auto it = m_scopes.cbegin(); it != m_scopes.cend(); ++it) {
        if (it.value()->isChecked())
            draft.scopeIds.append(it.key());
    }
    draft.ipsWhitelist = m_ips->entries();
    const QString pending = m_ips->pendingEntry();
    if (!pending.isEmpty())
        draft.ipsWhitelist.append(pending);
    if (!m_neverExpires->isChecked())
        draft.expiresAt = m_expiresAt->dateTime();
    draft.description = m_description->toPlainText();
    return draft;
}

void CreatePortfolioPage::setDraft(const CreatePortfolioDraft &draft)
{
    m_updating = true;
    m_amount->setText(draft.investmentAmount);
    m_name->setText(draft.portfolioName);
    m_tokenName->setText(draft.tokenName);
    for (auto it = m_scopes.cbegin(); it != m_scopes.cend(); ++it)
        it.value()->setChecked(draft.scopeIds.contains(it.key()));
    m_ips->setEntries(draft.ipsWhitelist);
    m_neverExpires->setChecked(!draft.expiresAt);
    if (draft.expiresAt)
        m_expiresAt->setDateTime(draft.expiresAt->toLocalTime());
    m_expiryEdited = draft.expiresAt.has_value();
    m_description->setPlainText(draft.description);
    m_updating = false;

    // A restored form says at once what is wrong with what it holds; empty fields wait.
    m_touched.clear();
    m_submitAttempted = false;
    m_ipPendingShown = false;
    m_serverProblems.clear();
    if (!draft.investmentAmount.isEmpty())
        m_touched.append(Field::InvestmentAmount);
    if (!draft.portfolioName.isEmpty())
        m_touched.append(Field::PortfolioName);
    if (!draft.tokenName.isEmpty())
        m_touched.append(Field::TokenName);
    m_touched += { Field::Scopes, Field::IpAllowList, Field::Description };
    if (draft.expiresAt)
        m_touched.append(Field::ExpiresAt);
    revalidate();
    emit draftChanged();
}

void CreatePortfolioPage::setBusy(bool busy, const QString &status)
{
    if (busy && !m_busy) {
        QWidget *focus = focusWidget();
        m_focusBeforeBusy = focus && isAncestorOf(focus) ? focus : nullptr;
    }
    m_busy = busy;
    m_form->setEnabled(!busy);
    m_create->setEnabled(!busy && m_valid);
    m_busyIndicator->setVisible(busy);
    m_status->setText(status);
    m_status->setVisible(!status.isEmpty());
    if (!busy && m_focusBeforeBusy) {
        // Back where the user was, so the keyboard user does not start over.
        if (m_focusBeforeBusy->isEnabled())
            m_focusBeforeBusy->setFocus(Qt::OtherFocusReason);
        m_focusBeforeBusy.clear();
    }
}

void CreatePortfolioPage::showServerProblem(Field field, const QString &message)
{
    if (!FormFields.contains(field))
        field = Field::None;
    QStringList &messages = m_serverProblems[field];
    if (!messages.contains(message))
        messages.append(message);
    updateProblemLabels();
    if (field != Field::None)
        m_scroll->ensureWidgetVisible(m_fields.value(field).box);
}

void CreatePortfolioPage::clearServerProblems()
{
    m_serverProblems.clear();
    updateProblemLabels();
}

void CreatePortfolioPage::setNow(std::function<QDateTime()> clock)
{
    m_now = clock ? std::move(clock) : [] { return QDateTime::currentDateTimeUtc(); };
    revalidate();
}

QStringList CreatePortfolioPage::shownProblems(Field field) const
{
    if (field == Field::None)
        return m_generalBox->isHidden() ? QStringList()
                                        : m_generalText->text().split(QLatin1Char('\n'));
    const FieldUi ui = m_fields.value(field);
    if (!ui.box || ui.box->isHidden())
        return {};
    return ui.text->text().split(QLatin1Char('\n'));
}

void CreatePortfolioPage::keyPressEvent(QKeyEvent *event)
{
    // Enter in a single-line field reaches the page (line edits, check boxes and the date
    // edit pass it on); the IP line and the list keep theirs.
    if ((event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter)
        && (event->modifiers() & ~Qt::KeypadModifier) == Qt::NoModifier) {
        event->accept();
        submit();
        return;
    }
    QWidget::keyPressEvent(event);
}

void CreatePortfolioPage::userEdited(Field field)
{
    if (m_updating)
        return;
    if (!m_touched.contains(field))
        m_touched.append(field);
    // The server judged what was there before; once the user changes it, that is stale.
    m_serverProblems.remove(field);
    revalidate();
    emit draftChanged();
}

void CreatePortfolioPage::revalidate()
{
    const auto result = Validation::validateCreate(draft(), m_now(), QLocale());
    m_problems = result.problems;
    m_valid = result.ok();
    m_create->setEnabled(m_valid && !m_busy);
    updateProblemLabels();
    updateNameCounter();
    updateExpiryUi();
}

void CreatePortfolioPage::updateProblemLabels()
{
    // Where the typed (not yet added) address sits in the draft's list.
    const qsizetype pendingIndex = m_ips->pendingEntry().isEmpty() ? -1 : m_ips->entries().size();
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
        if (ui.input) {
            ui.input->setAccessibleDescription(
                text.isEmpty()
                    ? ui.description
                    : (ui.description.isEmpty() ? text
                                                : ui.description + QLatin1Char('\n') + text));
        }
    }
    QMap<int, QString> invalidRows;
    if (m_submitAttempted || m_touched.contains(Field::IpAllowList)) {
        for (const Problem &problem : std::as_const(m_problems)) {
            if (problem.field == Field::IpAllowList && problem.entry >= 0
                && problem.entry != pendingIndex)
                invalidRows.insert(problem.entry, problem.message);
        }
    }
    m_ips->markInvalid(invalidRows);

    const QStringList general = m_serverProblems.value(Field::None);
    m_generalText->setText(general.join(QLatin1Char('\n')));
    m_generalBox->setVisible(!general.isEmpty());
}

void CreatePortfolioPage::updateNameCounter()
{
    const int count = Validation::codePointCount(m_name->text().trimmed());
    m_nameCounter->setText(tr("%1 / %2").arg(count).arg(Validation::PortfolioNameMax));
    m_nameCounter->setAccessibleName(
        tr("%1 of %2 characters").arg(count).arg(Validation::PortfolioNameMax));
}

bool CreatePortfolioPage::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::FocusIn
        && static_cast<QFocusEvent *>(event)->reason() == Qt::ShortcutFocusReason) {
        if (auto *widget = qobject_cast<QWidget *>(watched))
            m_scroll->ensureWidgetVisible(widget);
    }
    return QWidget::eventFilter(watched, event);
}

void CreatePortfolioPage::updateExpiryUi()
{
    if (m_neverExpires->isChecked()) {
        m_expiresAtUtc->clear();
        return;
    }
    const QDateTime utc = m_expiresAt->dateTime().toUTC();
    m_expiresAtUtc->setText(tr("= %1 UTC").arg(utc.toString(DateTimeFormat)));
}

void CreatePortfolioPage::submit()
{
    // Once per press: never while a request runs, never re-entered from a receiver.
    if (m_busy || m_emitting)
        return;
    // "Now" moves on while the form is open; judge the expiry at the moment of the press.
    const auto result = Validation::validateCreate(draft(), m_now(), QLocale());
    if (!result.ok()) {
        m_submitAttempted = true;
        revalidate();
        const Field first = result.problems.first().field;
        const FieldUi ui = m_fields.value(first);
        if (ui.input) {
            if (ui.input->isEnabled())
                ui.input->setFocus(Qt::OtherFocusReason);
            m_scroll->ensureWidgetVisible(ui.box);
        }
        return;
    }
    m_ips->commitPending();
    m_emitting = true;
    const QPointer<CreatePortfolioPage> self(this);
    emit createRequested(*result.value);
    if (self)
        m_emitting = false;
}

void CreatePortfolioPage::setRealMoney(bool realMoney)
{
    m_amountNote->setText(
        realMoney ? tr("Deducted from your real eToro account balance.")
                  : tr("Sandbox: taken from a simulated balance; no real money moves."));
    m_amount->setAccessibleDescription(m_amountNote->text());
}

} // namespace agentfolio
