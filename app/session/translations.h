#pragma once

#include <QLocale>
#include <QStringList>

QT_BEGIN_NAMESPACE
class QCoreApplication;
QT_END_NAMESPACE

namespace agentfolio {

// Installs the translations for `locale`'s languages, each only where a file for them exists:
// Qt's own (qtbase_<lang>: standard buttons, file and colour dialogs), QtKeychain's
// (qtkeychain_<lang>: the keychain's error texts that SecretStoreError quotes as details) and
// Agentfolio's own (compiled in, :/i18n/agentfolio_<lang>). The translators are children of
// `app`, so they live as long as it does. Call it once, right after the application object is
// created and before any widget or text is made.
void installTranslations(QCoreApplication &app, const QLocale &locale = QLocale());

// Where QtKeychain's translations may be: the qt6keychain/translations folder of every standard
// data directory (XDG_DATA_DIRS), then Debian's /usr/share/qt6keychain/translations.
QStringList keychainTranslationDirs();

} // namespace agentfolio
