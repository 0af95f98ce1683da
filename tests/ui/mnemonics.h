#pragma once

// The keyboard mnemonics a user can press at one moment: the letter after a single '&' in
// the text of every visible button, label with a buddy, tab and menu-bar title under a
// window. Two with one letter make Alt+letter alternate between them instead of acting, so
// a keyboard user cannot reach either at one press.

#include <QAbstractButton>
#include <QLabel>
#include <QMap>
#include <QMenuBar>
#include <QStringList>
#include <QTabBar>
#include <QWidget>

namespace agentfolio::test {

inline QChar mnemonicOf(const QString &text)
{
    for (qsizetype i = 0; i + 1 < text.size(); ++i) {
        if (text.at(i) != QLatin1Char('&'))
            continue;
        if (text.at(i + 1) == QLatin1Char('&')) {
            ++i; // "&&" is a literal ampersand
            continue;
        }
        return text.at(i + 1).toLower();
    }
    return {};
}

// Letters used more than once among the visible widgets under `root`, each with its texts.
inline QStringList clashingMnemonics(const QWidget *root)
{
    QMap<QChar, QStringList> byLetter;
    auto note = [&](const QString &text) {
        if (const QChar letter = mnemonicOf(text); !letter.isNull())
            byLetter[letter].append(text);
    };
    const QList<QWidget *> widgets = root->findChildren<QWidget *>();
    for (const QWidget *widget : widgets) {
        if (!widget->isVisible())
            continue;
        if (const auto *button = qobject_cast<const QAbstractButton *>(widget)) {
            note(button->text());
        } else if (const auto *label = qobject_cast<const QLabel *>(widget)) {
            if (label->buddy())
                note(label->text());
        } else if (const auto *tabs = qobject_cast<const QTabBar *>(widget)) {
            for (int i = 0; i < tabs->count(); ++i) {
                if (tabs->isTabVisible(i) && tabs->isTabEnabled(i))
                    note(tabs->tabText(i));
            }
        } else if (const auto *menus = qobject_cast<const QMenuBar *>(widget)) {
            const QList<QAction *> actions = menus->actions();
            for (const QAction *action : actions) {
                if (action->isVisible())
                    note(action->text());
            }
        }
    }
    QStringList clashes;
    for (auto it = byLetter.cbegin(); it != byLetter.cend(); ++it) {
        if (it.value().size() > 1)
            clashes.append(
                QStringLiteral("Alt+%1: %2").arg(it.key(), it.value().join(QStringLiteral(", "))));
    }
    return clashes;
}

} // namespace agentfolio::test
