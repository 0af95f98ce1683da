// WrappingLabel remembers heights per width: it must answer as QLabel itself would, for every
// width, before and after anything its height depends on changes.
#include "wrappinglabel.h"

#include <QLineEdit>
#include <QPixmap>
#include <QTest>

using namespace agentfolio;

namespace {

const QString Sentence = QStringLiteral(
    "A simulation on this computer. No real money moves and nothing reaches eToro. Add your "
    "eToro &account to create real portfolios.");

const QList<int> Widths = { 80, 200, 379, 506, 922, 200, 80, 1200, 379 };

} // namespace

class TestWrappingLabel : public QObject
{
    Q_OBJECT
private slots:
    void answersAsQLabelAfterEachChange_data();
    void answersAsQLabelAfterEachChange();
    void plainTextByDefault();
};

void TestWrappingLabel::answersAsQLabelAfterEachChange_data()
{
    QTest::addColumn<QString>("change");
    for (const char *change :
         { "text", "font", "contents margins", "frame", "margin", "indent", "minimum width",
           "alignment with an indent", "selectable", "buddy", "pixmap", "no wrap" })
        QTest::newRow(change) << QString::fromLatin1(change);
}

void TestWrappingLabel::answersAsQLabelAfterEachChange()
{
    QFETCH(QString, change);
    WrappingLabel label(Sentence);
    QLineEdit buddy;
    // QLabel's own answer, from the same object: what the remembered one must equal.
    const auto uncached = [&label](int width) { return label.QLabel::heightForWidth(width); };
    QHash<int, int> before;
    for (int width : Widths) {
        QCOMPARE(label.heightForWidth(width), uncached(width));
        before.insert(width, uncached(width));
    }

    if (change == QLatin1String("text")) {
        label.setText(Sentence + QLatin1Char(' ') + Sentence);
    } else if (change == QLatin1String("font")) {
        QFont bigger = label.font();
        bigger.setPointSizeF(bigger.pointSizeF() * 2);
        label.setFont(bigger);
    } else if (change == QLatin1String("contents margins")) {
        label.setContentsMargins(40, 0, 40, 0);
    } else if (change == QLatin1String("frame")) {
        label.setFrameStyle(QFrame::Box | QFrame::Plain);
        label.setLineWidth(30);
    } else if (change == QLatin1String("margin")) {
        label.setMargin(30);
    } else if (change == QLatin1String("indent")) {
        label.setIndent(60);
    } else if (change == QLatin1String("minimum width")) {
        label.setMinimumSize(600, 200);
    } else if (change == QLatin1String("alignment with an indent")) {
        label.setIndent(60);
        for (int width : Widths)
            QCOMPARE(label.heightForWidth(width), uncached(width));
        for (int width : Widths)
            before.insert(width, uncached(width));
        label.setAlignment(Qt::AlignHCenter | Qt::AlignTop);
    } else if (change == QLatin1String("selectable")) {
        label.setTextInteractionFlags(Qt::TextSelectableByMouse);
    } else if (change == QLatin1String("buddy")) {
        label.setBuddy(&buddy);
    } else if (change == QLatin1String("pixmap")) {
        label.setText(QString());
        for (int width : Widths)
            QCOMPARE(label.heightForWidth(width), uncached(width));
        for (int width : Widths)
            before.insert(width, uncached(width));
        QPixmap pixmap(40, 300);
        pixmap.fill(Qt::red);
        label.setPixmap(pixmap);
    } else if (change == QLatin1String("no wrap")) {
        label.setWordWrap(false);
    }
    bool anyDiffers = false;
    for (int width : Widths) {
        QCOMPARE(label.heightForWidth(width), uncached(width));
        anyDiffers = anyDiffers || uncached(width) != before.value(width);
    }
    // Otherwise a stale answer would pass unseen.
    if (!anyDiffers)
        QSKIP("this change moves no height on this platform's fonts; nothing to prove");
}

void TestWrappingLabel::plainTextByDefault()
{
    WrappingLabel label(QStringLiteral("<b>not bold</b>"));
    QCOMPARE(label.textFormat(), Qt::PlainText);
    QVERIFY(label.wordWrap());
}

QTEST_MAIN(TestWrappingLabel)
#include "tst_wrappinglabel.moc"
