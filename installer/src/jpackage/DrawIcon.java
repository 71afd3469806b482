import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.image.BufferedImage;
import java.io.File;
import javax.imageio.ImageIO;

/**
 * Draws quorum.png, the app icon (three members joined in a ring), once by hand:
 * {@code java -Djava.awt.headless=true DrawIcon.java quorum.png}. The PNG is committed so the
 * build needs no image step.
 */
public class DrawIcon {
    public static void main(String[] args) throws Exception {
        int size = 256;
        BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(new Color(0x1f4e79));
        g.fillRoundRect(8, 8, size - 16, size - 16, 56, 56);
        double[][] members = {{128, 62}, {64, 180}, {192, 180}};
        g.setColor(new Color(0x9cc3e6));
        g.setStroke(new BasicStroke(14, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        for (int i = 0; i < members.length; i++) {
            double[] a = members[i];
            double[] b = members[(i + 1) % members.length];
            g.draw(new Line2D.Double(a[0], a[1], b[0], b[1]));
        }
        for (int i = 0; i < members.length; i++) {
            g.setColor(i == 0 ? new Color(0xffc000) : Color.WHITE);
            g.fill(new Ellipse2D.Double(members[i][0] - 30, members[i][1] - 30, 60, 60));
        }
        g.dispose();
        ImageIO.write(img, "png", new File(args[0]));
    }
}
