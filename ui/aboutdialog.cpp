#include "aboutdialog.h"

#include <QBoxLayout>
#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QImageReader>
#include <QLabel>
#include <QLoggingCategory>
#include <QPushButton>
#include <QStyle>
#include <QtGlobal>

namespace agentfolio {

namespace {

Q_LOGGING_CATEGORY(lcAbout, "agentfolio.ui.about")

// The reverse-DNS id names the icon everywhere: resources, hicolor theme, desktop entry.
const char AppId[] = "io.github.agentfolio.Agentfolio";
constexpr int IconSizes[] = { 16, 32, 48, 64, 128, 256 };
constexpr int LargestWindowIconSize = 128;
// The icon's size in the dialog, in device-independent pixels (QIcon picks the sharpest
// source for the screen's device pixel ratio).
constexpr int ShownIconSize = 64;

QLabel *textLabel(const QString &text, const QString &objectName, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setObjectName(objectName);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->setAccessibleName(text);
    return label;
}

QLabel *linkLabel(const QString &before, const QUrl &url, const QString &linkText,
                  const QString &objectName, QWidget *parent)
{
    // The link takes its colour from the palette's Link role: nothing is hard-coded here.
    const QString html =
        QStringLiteral("%1<a href=\"%2\">%3</a>")
            .arg(before.toHtmlEscaped(), url.toString(QUrl::FullyEncoded).toHtmlEscaped(),
                 linkText.toHtmlEscaped());
    auto *label = new QLabel(html, parent);
    label->setObjectName(objectName);
    label->setWordWrap(true);
    label->setTextFormat(Qt::RichText);
    label->setOpenExternalLinks(true);
    label->setTextInteractionFlags(Qt::TextBrowserInteraction);
    label->setAccessibleName(before + linkText);
    label->setAccessibleDescription(url.toString());
    return label;
}

} // namespace

AboutDialog::AboutDialog(QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("About Agentfolio"));
    setAccessibleName(windowTitle());
    buildUi();
}

QIcon AboutDialog::applicationIcon()
{
    const QString id = QLatin1String(AppId);
    QIcon icon;
    // Debian's Qt reads SVG only with qt6-svg-plugins installed; without it an SVG entry
    // would be an empty pixmap, so it is added only where it can be drawn.
    if (QImageReader::supportedImageFormats().contains(QByteArrayLiteral("svg")))
        icon.addFile(QStringLiteral(":/icons/%1.svg").arg(id));
    for (int size : IconSizes) {
        icon.addFile(QStringLiteral(":/icons/%1x%1/%2.png").arg(size).arg(id), QSize(size, size));
    }
    if (icon.availableSizes().isEmpty())
        qCWarning(lcAbout) << "the app icon is missing from the resources; is"
                           << "agentfolio_resources linked?";
    return icon;
}

QIcon AboutDialog::applicationWindowIcon()
{
    const QString id = QLatin1String(AppId);
    QIcon icon;
    for (int size : IconSizes) {
        if (size <= LargestWindowIconSize)
            icon.addFile(QStringLiteral(":/icons/%1x%1/%2.png").arg(size).arg(id),
                         QSize(size, size));
    }
    return icon;
}

QUrl AboutDialog::licenceUrl()
{
    return QUrl(QStringLiteral("https://www.gnu.org/licenses/gpl-3.0.html"));
}

QUrl AboutDialog::homepageUrl()
{
    return QUrl(QStringLiteral("https://github.com/agentfolio/agentfolio"));
}

void AboutDialog::buildUi()
{
    auto *icon = new QLabel(this);
    icon->setObjectName(QStringLiteral("aboutIcon"));
    // pixmap(size, devicePixelRatio) gives a sharp icon on high-DPI screens.
    icon->setPixmap(
        applicationIcon().pixmap(QSize(ShownIconSize, ShownIconSize), devicePixelRatioF()));
    icon->setAlignment(Qt::AlignTop | Qt::AlignHCenter);
    icon->setAccessibleName(tr("Agentfolio icon"));

    auto *name = textLabel(tr("Agentfolio"), QStringLiteral("aboutName"), this);
    // Larger and bold relative to the user's font: sizes follow their settings and DPI.
    QFont nameFont = name->font();
    nameFont.setPointSizeF(nameFont.pointSizeF() * 1.5);
    nameFont.setBold(true);
    name->setFont(nameFont);

    auto *version = textLabel(tr("Version %1").arg(QCoreApplication::applicationVersion()),
                              QStringLiteral("aboutVersion"), this);
    auto *description = textLabel(tr("Creates eToro agent portfolios and keeps their API tokens "
                                     "in your system keychain."),
                                  QStringLiteral("aboutDescription"), this);
    auto *licence = linkLabel(tr("Free software, licensed under the "), licenceUrl(),
                              tr("GNU General Public License, version 3 or later "
                                 "(GPL-3.0-or-later)"),
                              QStringLiteral("aboutLicence"), this);
    auto *homepage = linkLabel(tr("Source code and issues: "), homepageUrl(),
                               homepageUrl().toString(QUrl::RemoveScheme).mid(2),
                               QStringLiteral("aboutHomepage"), this);
    homepage->setWordWrap(false); // an address reads badly broken in two
    auto *qtVersion =
        textLabel(tr("Built with Qt %1, running on Qt %2.")
                      .arg(QStringLiteral(QT_VERSION_STR), QString::fromLatin1(qVersion())),
                  QStringLiteral("aboutQtVersion"), this);
    auto *notAffiliated = textLabel(tr("Agentfolio is an independent project. It is not "
                                       "affiliated with, endorsed by or supported by eToro. "
                                       "\"eToro\" is a trademark of its owner."),
                                    QStringLiteral("aboutNotAffiliated"), this);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->setObjectName(QStringLiteral("aboutButtons"));
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *texts = new QVBoxLayout;
    texts->addWidget(name);
    texts->addWidget(version);
    texts->addSpacing(style()->pixelMetric(QStyle::PM_LayoutVerticalSpacing, nullptr, this));
    texts->addWidget(description);
    texts->addWidget(licence);
    texts->addWidget(homepage);
    texts->addWidget(qtVersion);
    texts->addWidget(notAffiliated);

    auto *top = new QHBoxLayout;
    top->addWidget(icon, 0, Qt::AlignTop);
    top->addLayout(texts, 1);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(buttons);

    // Wide enough that the sentences wrap into a few lines rather than a tall column (in font
    // units, so it scales with the user's font and DPI), and exactly as tall as the wrapped
    // text: an About box has nothing to gain from resizing, as in QMessageBox.
    for (QLabel *label : { description, licence, qtVersion, notAffiliated })
        label->setMinimumWidth(fontMetrics().averageCharWidth() * 60);
    layout->setSizeConstraint(QLayout::SetFixedSize);
    buttons->button(QDialogButtonBox::Close)->setDefault(true);
}

} // namespace agentfolio
