#pragma once

#include <QDialog>

class QLabel;
class QLineEdit;
class QPushButton;

namespace agentfolio {

// The confirmation for deleting an agent portfolio on eToro, which cannot be undone: it
// says what happens (the copy mirror stops, every token is revoked) and enables Delete
// only once the user has typed the portfolio's exact name. Cancel is the default.
class DeletePortfolioDialog : public QDialog
{
    Q_OBJECT
public:
    DeletePortfolioDialog(const QString &portfolioName, int tokenCount, QWidget *parent = nullptr);

    QString portfolioName() const { return m_portfolioName; }
    QLineEdit *nameEdit() const { return m_name; }
    QPushButton *deleteButton() const { return m_delete; }
    QPushButton *cancelButton() const { return m_cancel; }

private:
    QString m_portfolioName;
    QLineEdit *m_name = nullptr;
    QPushButton *m_delete = nullptr;
    QPushButton *m_cancel = nullptr;
};

} // namespace agentfolio
