#include "session/translations.h"

#include "session/sessionlog.h"

#include <QCoreApplication>
#include <QDir>
#include <QLibraryInfo>
#include <QStandardPaths>
#include <QTranslator>

namespace agentfolio {

namespace {

// QTranslator::load(QLocale, ...) tries each of the locale's UI languages, most specific first
// ("de-AT" then "de"), so an Austrian system still gets the German file.
QString loadInto(QCoreApplication &app, const QLocale &locale, const QString &name,
                 const QStringList &dirs)
{
    for (const QString &dir : dirs) {
        auto *translator = new QTranslator(&app);
        if (translator->load(locale, name, QStringLiteral("_"), dir)) {
            QCoreApplication::installTranslator(translator);
            return translator->filePath();
        }
        delete translator;
    }
    return QString();
}

} // namespace

QStringList keychainTranslationDirs()
{
    QStringList dirs = QStandardPaths::locateAll(QStandardPaths::GenericDataLocation,
                                                 QStringLiteral("qt6keychain/translations"),
                                                 QStandardPaths::LocateDirectory);
    const QString debian = QStringLiteral("/usr/share/qt6keychain/translations");
    if (!dirs.contains(debian) && QDir(debian).exists())
        dirs.append(debian);
    return dirs;
}

void installTranslations(QCoreApplication &app, const QLocale &locale)
{
    // Translators installed later are asked first; the three sets share no context, so the
    // order only matters for which file is loaded, not for which text wins.
    const struct
    {
        QString name;
        QStringList dirs;
    } sets[] = {
        { QStringLiteral("qtbase"), { QLibraryInfo::path(QLibraryInfo::TranslationsPath) } },
        { QStringLiteral("qtkeychain"), keychainTranslationDirs() },
        { QStringLiteral("agentfolio"), { QStringLiteral(":/i18n") } },
    };
    for (const auto &set : sets) {
        QString file = loadInto(app, locale, set.name, set.dirs);
        // Without a file for the user's language the source strings show, in English; ours
        // then take their plural forms ("1 token", not "1 token(s)") from the English file.
        if (file.isEmpty() && set.name == QLatin1String("agentfolio"))
            file = loadInto(app, QLocale(QLocale::English), set.name, set.dirs);
        if (file.isEmpty())
            qCDebug(lcSession) << "no" << set.name << "translation for" << locale.uiLanguages();
        else
            qCDebug(lcSession) << "loaded translation" << file;
    }
}

} // namespace agentfolio
