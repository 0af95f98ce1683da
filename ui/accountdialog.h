#pragma once

#include "api/apiclient.h"
#include "api/apireply.h"
#include "domain/secret.h"

#include <QDialog>
#include <QList>
#include <QMap>
#include <QPointer>
#include <QStringList>
#include <QUrl>

class QLabel;
class QLineEdit;
class QNetworkAccessManager;
class QProgressBar;
class QShowEvent;
class QPushButton;
class QToolButton;
class QWidget;

namespace agentfolio {

class ProfileStore;
class SecretStore;

// "Add eToro account": a display name, the API key and the user key, and (under Advanced)
// the server address. Test connection lists the account's agent portfolios with the typed
// keys; Save adds the profile to the ProfileStore and writes the keys to the keychain (the
// SecretStore) only. The keys live in the two line edits while the dialog is open and are
// cleared when it closes, either way.
class AccountDialog : public QDialog
{
    Q_OBJECT
public:
    // Which field a problem is shown at.
    enum class Input { DisplayName, ApiKey, UserKey, ServerAddress };
    Q_ENUM(Input)

    AccountDialog(ProfileStore *profiles, SecretStore *secrets, QNetworkAccessManager *network,
                  QWidget *parent = nullptr);
    ~AccountDialog() override;

    // After Save: the new profile's id. Empty until then.
    QString createdProfileId() const { return m_createdProfileId; }

    // The server address as typed, parsed; empty when the text is not a URL at all.
    QUrl serverAddress() const;
    // Name, both keys and the server address are acceptable: Save is enabled (unless saving).
    bool isValid() const;
    bool isTesting() const { return m_testReply != nullptr; }
    bool isSaving() const { return m_saving; }

    // The messages shown at a field right now, for tests. Empty when nothing is shown.
    QStringList shownProblems(Input input) const;
    // The last Test connection result (success or problem) and its request id line.
    QString testResultText() const;
    QString testRequestIdText() const;
    // The problem that kept Save from finishing (a keychain or settings failure).
    QString saveProblemText() const;

    // Empty when `text` is acceptable as the key called `what` ("API key"); otherwise a
    // sentence that names the key and the rule, never the value.
    static QString checkKey(const QString &text, const QString &what);

public slots:
    void testConnection();
    void save();
    void done(int result) override;

signals:
    // A Test connection finished: ok, and the text shown.
    void testFinished(bool ok, const QString &message);
    // Save failed and the dialog stays open with the message.
    void saveFailed(const QString &message);

protected:
    void showEvent(QShowEvent *event) override;

private:
    struct ProblemUi
    {
        QWidget *box = nullptr;
        QLabel *text = nullptr;
        QWidget *input = nullptr;
        QString description; // the input's accessible description without problems
    };

    void buildUi();
    QWidget *makeProblemBox(Input input, const QString &name, QWidget *inputWidget);
    QWidget *makeKeyRow(QLineEdit *edit, QPushButton **show, QPushButton **paste,
                        const QString &what);
    void pasteInto(QLineEdit *edit);
    void userEdited(Input input);
    QString problemFor(Input input) const;
    void revalidate();
    void updateAdvancedToggle();
    void growToFit();
    void setSaving(bool saving);
    void abortTest();
    void testDone();
    void showTestResult(bool ok, const QString &text, const QString &requestId);
    void showSaveProblem(const QString &text);
    void clearSecrets();
    Secret apiKey() const;
    Secret userKey() const;

    ProfileStore *m_profiles;
    QPointer<SecretStore> m_secrets;
    QNetworkAccessManager *m_network;

    QString m_createdProfileId;
    bool m_saving = false;
    bool m_updating = false; // the dialog itself changes inputs: not a user edit
    QList<Input> m_touched;
    QMap<Input, ProblemUi> m_problems;
    QPointer<ApiClient> m_testClient;
    QPointer<ApiReply> m_testReply;

    QLineEdit *m_displayName = nullptr;
    QLineEdit *m_apiKey = nullptr;
    QPushButton *m_showApiKey = nullptr;
    QPushButton *m_pasteApiKey = nullptr;
    QLineEdit *m_userKey = nullptr;
    QPushButton *m_showUserKey = nullptr;
    QPushButton *m_pasteUserKey = nullptr;
    QToolButton *m_advancedToggle = nullptr;
    QWidget *m_advanced = nullptr;
    QLineEdit *m_serverAddress = nullptr;
    QPushButton *m_test = nullptr;
    QProgressBar *m_testBusy = nullptr;
    QWidget *m_testResultBox = nullptr;
    QLabel *m_testIcon = nullptr;
    QLabel *m_testResult = nullptr;
    QLabel *m_testRequestId = nullptr;
    QLabel *m_saveStatus = nullptr;
    QWidget *m_saveProblemBox = nullptr;
    QLabel *m_saveProblem = nullptr;
    QPushButton *m_save = nullptr;
    QPushButton *m_cancel = nullptr;
};

} // namespace agentfolio
