#include "accountdialog.h"

#include "api/apiclient.h"
#include "api/apireply.h"
#include "store/profilekeys.h"
#include "store/profilestore.h"
#include "store/secretstore.h"

#include <QBoxLayout>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGuiApplication>
#include <QLabel>
#include <QLineEdit>
#include <QLoggingCategory>
#include <QProgressBar>
#include <QPushButton>
#include <QStyle>
#include <QToolButton>

namespace agentfolio {

namespace {

// The dialog's log: profile ids, hosts, request ids and outcomes. Never a key.
Q_LOGGING_CATEGORY(lcAccountDialog, "agentfolio.ui.account")

// Keys are long random strings; anything far longer is not a key (and not worth holding).
constexpr int MaxKeyLength = 4096;

QLabel *wrappedLabel(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setWordWrap(true);
    // Messages can quote what the user or the server typed: never interpret it as markup.
    label->setTextFormat(Qt::PlainText);
    return label;
}

QLabel *iconLabel(QStyle::StandardPixmap pixmap, QWidget *parent)
{
    auto *icon = new QLabel(parent);
    const int size = parent->style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, parent);
    icon->setPixmap(parent->style()->standardIcon(pixmap, nullptr, parent).pixmap(size, size));
    icon->setAlignment(Qt::AlignTop);
    return icon;
}

bool hasSpaceOrControl(QStringView text)
{
    for (QChar c : text) {
        if (c.isSpace() || c.category() == QChar::Other_Control)
            return true;
    }
    return false;
}

} // namespace

AccountDialog::AccountDialog(ProfileStore *profiles, SecretStore *secrets,
                             QNetworkAccessManager *network, QWidget *parent)
    : QDialog(parent)
    , m_profiles(profiles)
    , m_secrets(secrets)
    , m_network(network)
{
    Q_ASSERT(profiles && secrets && network);
    setWindowTitle(tr("Add eToro account"));
    buildUi();
    revalidate();
}

AccountDialog::~AccountDialog()
{
    abortTest();
    // ~QDialog hides the dialog and moves the focus: by then this class's members are gone,
    // so nothing may reach its handlers any more.
    const auto children = findChildren<QObject *>();
    for (QObject *child : children)
        disconnect(child, nullptr, this, nullptr);
}

QWidget *AccountDialog::makeProblemBox(Input input, const QString &name, QWidget *inputWidget)
{
    auto *box = new QWidget(this);
    box->setObjectName(QStringLiteral("problem_%1").arg(name));
    auto *text = wrappedLabel(QString(), box);
    text->setObjectName(QStringLiteral("problemText_%1").arg(name));
    auto *layout = new QHBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(iconLabel(QStyle::SP_MessageBoxWarning, box), 0, Qt::AlignTop);
    layout->addWidget(text, 1);
    box->hide();
    m_problems.insert(input,
                      ProblemUi { box, text, inputWidget, inputWidget->accessibleDescription() });
    return box;
}

QWidget *AccountDialog::makeKeyRow(QLineEdit *edit, QPushButton **show, QPushButton **paste,
                                   const QString &what)
{
    edit->setEchoMode(QLineEdit::Password);
    edit->setMaxLength(MaxKeyLength);
    // Not a word to complete or correct, and nothing for an input method to remember.
    edit->setInputMethodHints(Qt::ImhHiddenText | Qt::ImhSensitiveData | Qt::ImhNoPredictiveText
                              | Qt::ImhNoAutoUppercase);
    // The name says what the field is; its value is never part of any name or description.
    edit->setAccessibleName(what);

    *show = new QPushButton(tr("Show"), this);
    (*show)->setCheckable(true);
    (*show)->setAccessibleName(tr("Show %1").arg(what));
    (*show)->setToolTip(tr("Show or hide the %1 as you type it.").arg(what));
    connect(*show, &QPushButton::toggled, edit, [edit, button = *show](bool visible) {
        edit->setEchoMode(visible ? QLineEdit::Normal : QLineEdit::Password);
        button->setText(visible ? AccountDialog::tr("Hide") : AccountDialog::tr("Show"));
    });

    *paste = new QPushButton(tr("Paste"), this);
    (*paste)->setAccessibleName(tr("Paste %1").arg(what));
    (*paste)->setToolTip(tr("Paste the %1 from the clipboard, without surrounding spaces or "
                            "line breaks.")
                             .arg(what));
    connect(*paste, &QPushButton::clicked, this, [this, edit] { pasteInto(edit); });

    auto *row = new QWidget(this);
    auto *layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(edit, 1);
    layout->addWidget(*show);
    layout->addWidget(*paste);
    return row;
}

void AccountDialog::buildUi()
{
    const auto fieldColumn = [this](QWidget *inputRow, QWidget *problem) {
        auto *column = new QWidget(this);
        auto *layout = new QVBoxLayout(column);
        layout->setContentsMargins(0, 0, 0, 0);
        layout->setSpacing(2);
        layout->addWidget(inputRow);
        layout->addWidget(problem);
        return column;
    };
    const auto rowLabel = [this](const QString &text, QWidget *buddy) {
        auto *label = new QLabel(text, this);
        label->setBuddy(buddy);
        return label;
    };

    auto *intro = wrappedLabel(tr("Enter the API key and the user key you created on eToro "
                                  "(Settings, Trading, API Key Management). Agentfolio keeps "
                                  "them in your system keychain only."),
                               this);
    intro->setObjectName(QStringLiteral("intro"));

    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->setRowWrapPolicy(QFormLayout::DontWrapRows);

    m_displayName = new QLineEdit(this);
    m_displayName->setObjectName(QStringLiteral("displayName"));
    m_displayName->setPlaceholderText(tr("e.g. My eToro account"));
    m_displayName->setAccessibleName(tr("Account name"));
    m_displayName->setToolTip(tr("A name for this account in Agentfolio, up to %n character(s). "
                                 "Only you see it.",
                                 nullptr, ProfileStore::MaxDisplayNameLength));
    m_displayName->setMaxLength(ProfileStore::MaxDisplayNameLength * 2);
    form->addRow(rowLabel(tr("&Name:"), m_displayName),
                 fieldColumn(m_displayName,
                             makeProblemBox(Input::DisplayName, QStringLiteral("displayName"),
                                            m_displayName)));

    m_apiKey = new QLineEdit(this);
    m_apiKey->setObjectName(QStringLiteral("apiKey"));
    m_apiKey->setToolTip(tr("The API key eToro showed you once when you created it. It is sent "
                            "as the x-api-key header and stored in the system keychain."));
    QWidget *apiRow = makeKeyRow(m_apiKey, &m_showApiKey, &m_pasteApiKey, tr("API key"));
    m_showApiKey->setObjectName(QStringLiteral("showApiKey"));
    m_pasteApiKey->setObjectName(QStringLiteral("pasteApiKey"));
    form->addRow(
        rowLabel(tr("&API key:"), m_apiKey),
        fieldColumn(apiRow, makeProblemBox(Input::ApiKey, QStringLiteral("apiKey"), m_apiKey)));

    m_userKey = new QLineEdit(this);
    m_userKey->setObjectName(QStringLiteral("userKey"));
    m_userKey->setToolTip(tr("Your account's user key from eToro (not an agent portfolio's). It "
                             "is sent as the x-user-key header and stored in the system "
                             "keychain."));
    QWidget *userRow = makeKeyRow(m_userKey, &m_showUserKey, &m_pasteUserKey, tr("User key"));
    m_showUserKey->setObjectName(QStringLiteral("showUserKey"));
    m_pasteUserKey->setObjectName(QStringLiteral("pasteUserKey"));
    form->addRow(
        rowLabel(tr("&User key:"), m_userKey),
        fieldColumn(userRow, makeProblemBox(Input::UserKey, QStringLiteral("userKey"), m_userKey)));

    // Advanced: the server address, folded away because almost everyone wants eToro's.
    m_advancedToggle = new QToolButton(this);
    m_advancedToggle->setObjectName(QStringLiteral("advancedToggle"));
    m_advancedToggle->setCheckable(true);
    m_advancedToggle->setAutoRaise(true);
    m_advancedToggle->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_advancedToggle->setArrowType(Qt::RightArrow);
    m_advancedToggle->setAccessibleName(tr("Advanced settings"));
    m_advancedToggle->setToolTip(tr("Show or hide the server address."));

    m_advanced = new QWidget(this);
    m_advanced->setObjectName(QStringLiteral("advanced"));
    auto *advancedForm = new QFormLayout(m_advanced);
    advancedForm->setContentsMargins(0, 0, 0, 0);
    advancedForm->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_serverAddress = new QLineEdit(ApiClient::defaultBaseUrl().toString(), m_advanced);
    m_serverAddress->setObjectName(QStringLiteral("serverAddress"));
    m_serverAddress->setAccessibleName(tr("Server address"));
    m_serverAddress->setToolTip(tr("Where the eToro Public API answers; normally %1. Plain http "
                                   "is allowed only to this computer (127.0.0.1).")
                                    .arg(ApiClient::defaultBaseUrl().toString()));
    m_serverAddress->setInputMethodHints(Qt::ImhUrlCharactersOnly | Qt::ImhNoAutoUppercase);
    advancedForm->addRow(rowLabel(tr("Ser&ver address:"), m_serverAddress), m_serverAddress);
    m_advanced->hide();
    QWidget *serverProblem =
        makeProblemBox(Input::ServerAddress, QStringLiteral("serverAddress"), m_serverAddress);

    // Test connection and its result.
    m_test = new QPushButton(tr("&Test connection"), this);
    m_test->setObjectName(QStringLiteral("testConnection"));
    m_test->setAccessibleName(tr("Test connection"));
    m_test->setToolTip(tr("List this account's agent portfolios with these keys, to check that "
                          "eToro accepts them. Nothing is saved or changed."));
    m_testBusy = new QProgressBar(this);
    m_testBusy->setObjectName(QStringLiteral("testBusy"));
    m_testBusy->setRange(0, 0);
    m_testBusy->setTextVisible(false);
    m_testBusy->setMaximumWidth(120);
    m_testBusy->hide();
    auto *testRow = new QHBoxLayout;
    testRow->addWidget(m_test);
    testRow->addWidget(m_testBusy);
    testRow->addStretch(1);

    m_testResultBox = new QWidget(this);
    m_testResultBox->setObjectName(QStringLiteral("testResultBox"));
    m_testIcon = new QLabel(m_testResultBox);
    m_testIcon->setAlignment(Qt::AlignTop);
    m_testResult = wrappedLabel(QString(), m_testResultBox);
    m_testResult->setObjectName(QStringLiteral("testResult"));
    m_testResult->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_testRequestId = wrappedLabel(QString(), m_testResultBox);
    m_testRequestId->setObjectName(QStringLiteral("testRequestId"));
    // Copyable, to quote to eToro's support.
    m_testRequestId->setTextInteractionFlags(Qt::TextSelectableByMouse
                                             | Qt::TextSelectableByKeyboard);
    {
        auto *texts = new QVBoxLayout;
        texts->setContentsMargins(0, 0, 0, 0);
        texts->setSpacing(2);
        texts->addWidget(m_testResult);
        texts->addWidget(m_testRequestId);
        auto *layout = new QHBoxLayout(m_testResultBox);
        layout->setContentsMargins(0, 0, 0, 0);
        layout->addWidget(m_testIcon, 0, Qt::AlignTop);
        layout->addLayout(texts, 1);
    }
    m_testResultBox->hide();

    m_saveStatus = wrappedLabel(QString(), this);
    m_saveStatus->setObjectName(QStringLiteral("saveStatus"));
    m_saveStatus->hide();
    m_saveProblemBox = new QWidget(this);
    m_saveProblemBox->setObjectName(QStringLiteral("problem_save"));
    m_saveProblem = wrappedLabel(QString(), m_saveProblemBox);
    m_saveProblem->setObjectName(QStringLiteral("problemText_save"));
    m_saveProblem->setTextInteractionFlags(Qt::TextSelectableByMouse
                                           | Qt::TextSelectableByKeyboard);
    {
        auto *layout = new QHBoxLayout(m_saveProblemBox);
        layout->setContentsMargins(0, 0, 0, 0);
        layout->addWidget(iconLabel(QStyle::SP_MessageBoxWarning, m_saveProblemBox), 0,
                          Qt::AlignTop);
        layout->addWidget(m_saveProblem, 1);
    }
    m_saveProblemBox->hide();

    auto *buttons = new QDialogButtonBox(this);
    m_save = buttons->addButton(QDialogButtonBox::Save);
    m_save->setObjectName(QStringLiteral("save"));
    m_save->setAccessibleName(tr("Save account"));
    m_save->setToolTip(tr("Add the account and store its keys in the system keychain. It is "
                          "enabled once the name and both keys are filled in correctly."));
    m_save->setDefault(true);
    m_cancel = buttons->addButton(QDialogButtonBox::Cancel);
    m_cancel->setObjectName(QStringLiteral("cancel"));
    m_cancel->setAccessibleName(tr("Cancel"));
    m_cancel->setToolTip(tr("Close without saving; the typed keys are forgotten."));
    // Save is not QDialog::accept: it accepts only once the keychain has the keys.
    connect(m_save, &QPushButton::clicked, this, &AccountDialog::save);
    connect(m_cancel, &QPushButton::clicked, this, &AccountDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addSpacing(6);
    layout->addLayout(form);
    layout->addWidget(m_advancedToggle, 0, Qt::AlignLeft);
    layout->addWidget(m_advanced);
    layout->addWidget(serverProblem);
    layout->addSpacing(6);
    layout->addLayout(testRow);
    layout->addWidget(m_testResultBox);
    layout->addStretch(1);
    layout->addSpacing(6);
    layout->addWidget(m_saveProblemBox);
    layout->addWidget(m_saveStatus);
    layout->addWidget(buttons);
    setMinimumWidth(520);

    const QList<QWidget *> chain = { m_displayName,  m_apiKey,         m_showApiKey,
                                     m_pasteApiKey,  m_userKey,        m_showUserKey,
                                     m_pasteUserKey, m_advancedToggle, m_serverAddress,
                                     m_test,         m_save,           m_cancel };
    for (int i = 1; i < chain.size(); ++i)
        setTabOrder(chain.at(i - 1), chain.at(i));
    setFocusProxy(m_displayName);

    connect(m_displayName, &QLineEdit::textChanged, this,
            [this] { userEdited(Input::DisplayName); });
    connect(m_apiKey, &QLineEdit::textChanged, this, [this] { userEdited(Input::ApiKey); });
    connect(m_userKey, &QLineEdit::textChanged, this, [this] { userEdited(Input::UserKey); });
    connect(m_serverAddress, &QLineEdit::textChanged, this,
            [this] { userEdited(Input::ServerAddress); });
    connect(m_advancedToggle, &QToolButton::toggled, this, [this](bool open) {
        m_advanced->setVisible(open);
        updateAdvancedToggle();
        growToFit();
        if (open)
            m_serverAddress->setFocus(Qt::OtherFocusReason);
    });
    connect(m_test, &QPushButton::clicked, this, &AccountDialog::testConnection);
    updateAdvancedToggle();
}

QUrl AccountDialog::serverAddress() const
{
    return QUrl(m_serverAddress->text().trimmed(), QUrl::StrictMode);
}

Secret AccountDialog::apiKey() const
{
    // Spaces around a key are never part of it (a copy from a web page brings them along).
    return Secret(m_apiKey->text().trimmed());
}

Secret AccountDialog::userKey() const
{
    return Secret(m_userKey->text().trimmed());
}

QString AccountDialog::checkKey(const QString &text, const QString &what)
{
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return tr("Enter the %1.").arg(what);
    if (hasSpaceOrControl(trimmed))
        return tr("The %1 contains spaces or line breaks, which a key never does. Copy it "
                  "again from eToro, or use Paste.")
            .arg(what);
    return QString();
}

QString AccountDialog::problemFor(Input input) const
{
    switch (input) {
    case Input::DisplayName: {
        const QString name = m_displayName->text().trimmed();
        if (QString problem = ProfileStore::checkDisplayName(name); !problem.isEmpty())
            return problem;
        const QList<Profile> existing = m_profiles->profiles();
        for (const Profile &other : existing) {
            if (other.displayName.compare(name, Qt::CaseInsensitive) == 0)
                return tr("There is already an account named “%1”; choose another name.")
                    .arg(other.displayName);
        }
        return QString();
    }
    case Input::ApiKey:
        return checkKey(m_apiKey->text(), tr("API key"));
    case Input::UserKey:
        return checkKey(m_userKey->text(), tr("user key"));
    case Input::ServerAddress: {
        if (m_serverAddress->text().trimmed().isEmpty())
            return tr("Enter the server address, such as %1.")
                .arg(ApiClient::defaultBaseUrl().toString());
        const QUrl url = serverAddress();
        // The client's rule decides what may carry keys; the store's adds what it can keep.
        if (QString problem = ApiClient::checkBaseUrl(url); !problem.isEmpty())
            return problem;
        return ProfileStore::checkBaseUrl(url);
    }
    }
    return QString();
}

bool AccountDialog::isValid() const
{
    for (Input input :
         { Input::DisplayName, Input::ApiKey, Input::UserKey, Input::ServerAddress }) {
        if (!problemFor(input).isEmpty())
            return false;
    }
    return true;
}

QStringList AccountDialog::shownProblems(Input input) const
{
    const ProblemUi ui = m_problems.value(input);
    if (!ui.box || ui.box->isHidden())
        return {};
    return ui.text->text().split(QLatin1Char('\n'));
}

QString AccountDialog::testResultText() const
{
    return m_testResultBox->isHidden() ? QString() : m_testResult->text();
}

QString AccountDialog::testRequestIdText() const
{
    return m_testResultBox->isHidden() || m_testRequestId->isHidden() ? QString()
                                                                      : m_testRequestId->text();
}

QString AccountDialog::saveProblemText() const
{
    return m_saveProblemBox->isHidden() ? QString() : m_saveProblem->text();
}

void AccountDialog::pasteInto(QLineEdit *edit)
{
    const QClipboard *clipboard = QGuiApplication::clipboard();
    // A key copied from a web page or an e-mail often brings a line break along.
    const QString text = clipboard ? clipboard->text().trimmed() : QString();
    if (!text.isEmpty())
        edit->setText(text);
    edit->setFocus(Qt::OtherFocusReason);
}

void AccountDialog::userEdited(Input input)
{
    if (m_updating)
        return;
    if (!m_touched.contains(input))
        m_touched.append(input);
    if (input != Input::DisplayName) {
        // A result about other keys or another server would mislead: drop it.
        abortTest();
        m_testResultBox->hide();
    }
    if (input == Input::ServerAddress)
        updateAdvancedToggle();
    m_saveProblemBox->hide();
    revalidate();
}

void AccountDialog::revalidate()
{
    bool valid = true;
    for (auto it = m_problems.begin(); it != m_problems.end(); ++it) {
        const QString problem = problemFor(it.key());
        valid = valid && problem.isEmpty();
        // An empty field the user has not reached yet is not worth a complaint; the server
        // address starts filled in, so whatever is wrong with it shows at once.
        const bool show = !problem.isEmpty()
            && (m_touched.contains(it.key()) || it.key() == Input::ServerAddress);
        ProblemUi &ui = it.value();
        ui.text->setText(show ? problem : QString());
        ui.box->setVisible(show);
        ui.input->setAccessibleDescription(
            show ? (ui.description.isEmpty() ? problem
                                             : ui.description + QLatin1Char('\n') + problem)
                 : ui.description);
    }
    const bool keysAndServer = problemFor(Input::ApiKey).isEmpty()
        && problemFor(Input::UserKey).isEmpty() && problemFor(Input::ServerAddress).isEmpty();
    m_save->setEnabled(valid && !m_saving);
    m_test->setEnabled(keysAndServer && !m_saving && !isTesting());
    growToFit();
}

void AccountDialog::growToFit()
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

void AccountDialog::showEvent(QShowEvent *event)
{
    QDialog::showEvent(event);
    growToFit();
}

void AccountDialog::updateAdvancedToggle()
{
    const bool open = m_advancedToggle->isChecked();
    m_advancedToggle->setArrowType(open ? Qt::DownArrow : Qt::RightArrow);
    // Folded away, a server other than eToro's must still be visible.
    const QUrl url = serverAddress();
    const QString text = m_serverAddress->text().trimmed();
    if (!open && !text.isEmpty()
        && url.adjusted(QUrl::StripTrailingSlash) != ApiClient::defaultBaseUrl())
        m_advancedToggle->setText(
            tr("A&dvanced (server: %1)")
                .arg(QString(text).replace(QLatin1Char('&'), QStringLiteral("&&"))));
    else
        m_advancedToggle->setText(tr("A&dvanced"));
}

void AccountDialog::testConnection()
{
    if (m_saving || !problemFor(Input::ApiKey).isEmpty() || !problemFor(Input::UserKey).isEmpty()
        || !problemFor(Input::ServerAddress).isEmpty())
        return;
    abortTest();

    // A client of its own: these keys are not any profile's yet.
    m_testClient = new ApiClient(m_network, this);
    QString why;
    if (!m_testClient->setBaseUrl(serverAddress(), &why)) {
        delete m_testClient;
        showTestResult(false, why, QString());
        return;
    }
    m_testClient->setCredentials(apiKey(), userKey());
    m_testReply = m_testClient->listPortfolios();
    qCInfo(lcAccountDialog) << "testing the connection to" << serverAddress().host() << "request"
                            << m_testReply->requestId();
    connect(m_testReply, &ApiReply::finished, this, &AccountDialog::testDone);

    m_testIcon->clear();
    m_testResult->setText(tr("Testing the connection…"));
    m_testRequestId->hide();
    m_testResultBox->show();
    m_testBusy->show();
    revalidate();
}

void AccountDialog::testDone()
{
    ApiReply *reply = m_testReply;
    if (!reply)
        return;
    bool ok = reply->isOk();
    QString text;
    QString requestId;
    if (ok) {
        const int count = int(reply->portfolios().size());
        // Whole sentences per number, so that the English text reads right without a
        // translation loaded.
        text = count == 1 ? tr("Connected: 1 agent portfolio found.")
                          : tr("Connected: %1 agent portfolios found.").arg(count);
        qCInfo(lcAccountDialog) << "connection test succeeded, request" << reply->requestId();
    } else {
        const ApiError error = reply->error().value_or(ApiError());
        text = error.message();
        requestId = error.requestIdText();
        qCInfo(lcAccountDialog) << "connection test failed:" << error.summary() << "request"
                                << reply->requestId();
    }
    // The client holds copies of the keys: let it go now (it takes its reply along).
    if (m_testClient)
        m_testClient->deleteLater();
    m_testClient = nullptr;
    m_testReply = nullptr;
    m_testBusy->hide();
    showTestResult(ok, text, requestId);
    revalidate();
    emit testFinished(ok, text);
}

void AccountDialog::abortTest()
{
    if (m_testReply) {
        disconnect(m_testReply, nullptr, this, nullptr);
        if (!m_testReply->isFinished())
            m_testReply->abort();
    }
    if (m_testClient)
        m_testClient->deleteLater();
    m_testClient = nullptr;
    m_testReply = nullptr;
    if (m_testBusy)
        m_testBusy->hide();
}

void AccountDialog::showTestResult(bool ok, const QString &text, const QString &requestId)
{
    const int size = style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, this);
    m_testIcon->setPixmap(
        style()
            ->standardIcon(ok ? QStyle::SP_DialogApplyButton : QStyle::SP_MessageBoxWarning,
                           nullptr, this)
            .pixmap(size, size));
    m_testResult->setText(text);
    m_testRequestId->setText(requestId);
    m_testRequestId->setVisible(!requestId.isEmpty());
    m_testResultBox->show();
    m_test->setAccessibleDescription(text);
    growToFit();
}

void AccountDialog::showSaveProblem(const QString &text)
{
    m_saveProblem->setText(text);
    m_saveProblemBox->setVisible(!text.isEmpty());
    growToFit();
}

void AccountDialog::setSaving(bool saving)
{
    m_saving = saving;
    const QList<QWidget *> inputs = { m_displayName,  m_apiKey,         m_showApiKey,
                                      m_pasteApiKey,  m_userKey,        m_showUserKey,
                                      m_pasteUserKey, m_advancedToggle, m_serverAddress,
                                      m_cancel };
    for (QWidget *input : inputs)
        input->setEnabled(!saving);
    m_saveStatus->setText(saving ? tr("Saving the keys in the system keychain…") : QString());
    m_saveStatus->setVisible(saving);
    revalidate();
}

void AccountDialog::save()
{
    if (m_saving || !isValid() || !m_secrets)
        return;
    setSaving(true);
    showSaveProblem(QString());

    Profile profile;
    profile.displayName = m_displayName->text().trimmed();
    profile.id = m_profiles->uniqueIdFor(profile.displayName);
    profile.baseUrl = serverAddress().adjusted(QUrl::StripTrailingSlash);
    QString why;
    const std::optional<Profile> stored = m_profiles->add(profile, &why);
    if (!stored) {
        setSaving(false);
        const QString message = tr("The account was not saved: %1").arg(why);
        showSaveProblem(message);
        emit saveFailed(message);
        return;
    }
    const QString id = stored->id;
    qCInfo(lcAccountDialog) << "added profile" << id << "; writing its keys to the keychain";
    ProfileKeys::write(
        m_secrets, id, ApiCredentials { apiKey(), userKey() }, this,
        [this, id](const std::optional<SecretStoreError> &error) {
            if (!error) {
                qCInfo(lcAccountDialog) << "saved the keys of profile" << id;
                m_createdProfileId = id;
                setSaving(false);
                accept();
                return;
            }
            qCWarning(lcAccountDialog)
                << "could not save the keys of profile" << id << ":"
                << SecretStoreError::kindName(error->kind) << "; removing the profile again";
            // A profile without keys would only fail later: take it back, and whichever key
            // did get written with it.
            QString removeWhy;
            if (!m_profiles->remove(id, &removeWhy))
                qCWarning(lcAccountDialog) << "could not remove profile" << id << ":" << removeWhy;
            if (m_secrets) {
                ProfileKeys::remove(m_secrets, id, m_profiles,
                                    [id](const std::optional<SecretStoreError> &removeError) {
                                        if (removeError)
                                            qCWarning(lcAccountDialog)
                                                << "could not remove the keys of profile" << id
                                                << ":"
                                                << SecretStoreError::kindName(removeError->kind);
                                    });
            }
            setSaving(false);
            const QString message =
                tr("The account was not saved. %1 Your entries are still here: fix the problem "
                   "and press Save again.")
                    .arg(error->message);
            showSaveProblem(message);
            m_save->setFocus(Qt::OtherFocusReason);
            emit saveFailed(message);
        });
}

void AccountDialog::done(int result)
{
    // The keychain answers within its timeout; until then the outcome of Save is open.
    if (m_saving && result != Accepted)
        return;
    abortTest();
    clearSecrets();
    QDialog::done(result);
}

void AccountDialog::clearSecrets()
{
    m_updating = true;
    m_apiKey->clear();
    m_userKey->clear();
    m_showApiKey->setChecked(false);
    m_showUserKey->setChecked(false);
    m_updating = false;
    m_touched.removeAll(Input::ApiKey);
    m_touched.removeAll(Input::UserKey);
    revalidate();
}

} // namespace agentfolio
