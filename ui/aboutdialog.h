#pragma once

#include <QDialog>
#include <QIcon>
#include <QUrl>

namespace agentfolio {

// Help → About: the app's icon, name, version, what it does, its licence, the Qt it runs on
// and the note that it is not affiliated with eToro. Colours and fonts come from the current
// palette and style only, so the dialog follows light and dark themes and high-DPI scaling.
//
// Child object names, for tests and accessibility tools: aboutIcon, aboutName, aboutVersion,
// aboutDescription, aboutLicence, aboutQtVersion, aboutHomepage, aboutNotAffiliated,
// aboutButtons.
class AboutDialog : public QDialog
{
    Q_OBJECT
public:
    explicit AboutDialog(QWidget *parent = nullptr);

    // The app icon compiled into the binary (resources/): the SVG where this Qt can read SVG,
    // and PNGs from 16 to 256 pixels always. Drawn large, in this dialog.
    static QIcon applicationIcon();
    // The same icon for QApplication::setWindowIcon: the PNGs from 16 to 128 pixels, which
    // is what title bars and task switchers draw. Asking whether SVG can be read loads every
    // image format plugin, and the larger images are decoded and sent to the X server with
    // every window: a few milliseconds before the first window shows, for nothing.
    static QIcon applicationWindowIcon();

    static QUrl licenceUrl();
    static QUrl homepageUrl();

private:
    void buildUi();
};

} // namespace agentfolio
