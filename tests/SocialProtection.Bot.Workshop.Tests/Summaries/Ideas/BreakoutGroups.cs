using SocialProtection.Bot.Workshop.Summaries.Ideas;

namespace SocialProtection.Bot.Workshop.Tests.Summaries.Ideas;

/// <summary>
/// What breakout groups of 4 to 12 people really write to one question: short and long answers, typos, English mixed
/// in, answers that say nothing (skip, "-", ไม่มีความเห็นเพิ่มเติม, emoji), and the same idea worded several ways.
/// Written for these tests, in the workshop's own vocabulary.
/// </summary>
internal static class BreakoutGroups
{
    /// <summary>Leverage points, 7 people: a shared database (three ways), money for local government (two ways), two skips.</summary>
    public static readonly IdeaInput[] Leverage =
    [
        new("p1", "ครั้งหน้าควรเชื่อมฐานข้อมูลผู้มีสิทธิ์กลาง ให้ทุกหน่วยงานใช้ร่วมกัน"),
        new("p2", "ฐานข้อมูลผู้มีสิทธิ์กลางครับ"),
        new("p3", "อยากให้มี big data ของผู้มีสิทธิ์ ที่ทุกกระทรวงเชื่อมกันได้"),
        new("p4", "เพิ่มงบให้ อปท."),
        new("p5", "องค์กรปกครองส่วนท้องถิ่นควรได้งบประมาณมากขึ้น เพราะใกล้ชิดประชาชน"),
        new("p6", "ข้าม"),
        new("p7", "-"),
    ];

    /// <summary>Obstacles, 8 people: working in silos (Thai, Thai, English), registration too hard (Thai, Thai, English), two fillers.</summary>
    public static readonly IdeaInput[] Obstacles =
    [
        new("p1", "ทำงานแบบไซโล ต่างหน่วยงานต่างทำ ไม่แชร์ข้อมูลกัน"),
        new("p2", "หน่วยงานยังทำงานแยกส่วน silo มาก"),
        new("p3", "Each ministry works in silos, no data sharing"),
        new("p4", "ขั้นตอนการลงทะเบียนยุ่งยาก เอกสารเยอะ ผู้สูงอายุทำเองไม่ได้"),
        new("p5", "ลงทะเบียนยาก ต้องใช้เอกสารหลายอย่าง"),
        new("p6", "registration is too complicated for older people"),
        new("p7", "ไม่มีความเห็นเพิ่มเติม"),
        new("p8", "เห็นด้วยกับข้างบน"),
    ];

    /// <summary>Domestic financing, 5 people: taxes for welfare, more budget for older persons (one with a typo), n/a.</summary>
    public static readonly IdeaInput[] Financing =
    [
        new("p1", "จัดเก็บภาษีเพิ่มเพื่อเอามาใช้กับสวัสดิการ"),
        new("p2", "ภาษีบาป เช่น เหล้า บุหรี่ นำมาเป็นกองทุนสวัสดิการ"),
        new("p3", "เพิ่มงบประมาน ให้ผู้สูงอายุ"),
        new("p4", "งบประมาณสำหรับเบี้ยผู้สูงอายุต้องเพิ่ม"),
        new("p5", "n/a"),
    ];

    /// <summary>Good practices, 4 people: health volunteers visiting older people at home, said three ways; one lone idea.</summary>
    public static readonly IdeaInput[] GoodPractices =
    [
        new("p1", "อสม. ช่วยลงพื้นที่เยี่ยมบ้านผู้สูงอายุได้ผลดีมาก"),
        new("p2", "อาสาสมัครสาธารณสุขในชุมชนติดตามผู้สูงอายุที่บ้าน"),
        new("p3", "volunteers visiting older people at home works well"),
        new("p4", "ศูนย์บริการเบ็ดเสร็จที่อำเภอ ลดการเดินทาง"),
    ];

    /// <summary>Driving mechanisms, 10 people: a national committee under the PM, local government, indicators; three that say nothing.</summary>
    public static readonly IdeaInput[] Mechanisms =
    [
        new("p01", "ควรมีคณะกรรมการคุ้มครองทางสังคมแห่งชาติ โดยมีนายกรัฐมนตรีเป็นประธาน เพื่อสั่งการข้ามกระทรวงได้"),
        new("p02", "ตั้งคณะกรรมการระดับชาติ นายกฯ เป็นประธาน"),
        new("p03", "national committee chaired by the Prime Minister"),
        new("p04", "ให้ อปท. เป็นกลไกหลักในพื้นที่ ทำงานร่วมกับ อสม."),
        new("p05", "ท้องถิ่นควรเป็นหน่วยปฏิบัติ มีงบและคนพร้อม"),
        new("p06", "ระบบติดตามประเมินผลที่มีตัวชี้วัดชัดเจน"),
        new("p07", "KPI ร่วมกันทุกหน่วยงาน และรายงานผลทุกปี"),
        new("p08", "ไม่มี"),
        new("p09", "ครับ"),
        new("p10", "😀👍"),
    ];

    /// <summary>Twelve people, most of whom copy the same filler; two ask for the same thing.</summary>
    public static readonly IdeaInput[] Fillers =
    [
        new("p01", "ไม่มีความเห็นเพิ่มเติม"),
        new("p02", "ไม่มีความเห็นเพิ่มเติม"),
        new("p03", "ไม่มีความเห็นเพิ่มเติมครับ"),
        new("p04", "ไม่มีความเห็นเพิ่มเติม"),
        new("p05", "ข้าม"),
        new("p06", "skip"),
        new("p07", "N/A"),
        new("p08", "..."),
        new("p09", "เห็นด้วยกับข้างบนค่ะ"),
        new("p10", "ควรเพิ่มงบประมาณให้ศูนย์พัฒนาเด็กเล็ก"),
        new("p11", "งบศูนย์เด็กเล็กยังน้อย"),
        new("p12", "ไม่มี"),
    ];

    /// <summary>The issue's own example: a skip, and one idea written into longer sentences by three people.</summary>
    public static readonly IdeaInput[] IssueExample =
    [
        new("p1", "ข้าม"),
        new("p2", "ครั้งหน้าควรเชื่อมฐานข้อมูลผู้มีสิทธิ์กลาง ช่วยเพิ่มการเข้าถึง"),
        new("p3", "ควรช่วยเพิ่มงบให้อปท และเชื่อมฐานข้อมูลผู้มีสิทธิ์กลาง"),
        new("p4", "ฐานข้อมูลผู้มีสิทธิ์กลางสำคัญที่สุด ช่วย อปท ได้มาก"),
    ];

    /// <summary>Twelve people writing longer answers, each making two or three points.</summary>
    public static readonly IdeaInput[] Twelve =
    [
        new("p01", "ปัญหาหลักคือการทำงานแบบไซโล แต่ละหน่วยงานไม่แบ่งปันข้อมูล ต้องสร้างความไว้เนื้อเชื่อใจระหว่างภาคี"),
        new("p02", "ควรเพิ่มงบประมาณสำหรับการคุ้มครองทางสังคม และลดการทำงานแบบไซโล"),
        new("p03", "ความไว้เนื้อเชื่อใจ ความไว้เนื้อเชื่อใจ ความไว้เนื้อเชื่อใจ สำคัญที่สุด"),
        new("p04", "ประเทศไทยต้องมี social protection floor ตาม ILO R202 และจัดสรรงบประมาณให้เพียงพอ"),
        new("p05", "Social protection floor ควรเป็นวาระแห่งชาติ การคุ้มครองทางสังคมต้องมีเป้าหมายชัดเจน"),
        new("p06", "เครือข่ายพันธมิตรยังขาดความไว้เนื้อเชื่อใจ และยังมีการทำงานแบบไซโล"),
        new("p07", "อยากให้มีคณะกรรมการระดับชาติด้านการคุ้มครองทางสังคม โดยมีนายกรัฐมนตรีเป็นประธาน"),
        new("p08", "งบประมาณไม่พอ!!! งบประมาณไม่พอ ต้องหาแหล่งงบประมาณในประเทศ"),
        new("p09", "ILO R202 เป็นกรอบที่ดี แต่ต้องแปลงเป็นแผนปฏิบัติ"),
        new("p10", "การมีส่วนร่วมของภาคประชาสังคมยังน้อย ต้องเพิ่มการมีส่วนร่วม"),
        new("p11", "ส่งเสริมการมีส่วนร่วม และความไว้เนื้อเชื่อใจระหว่างหน่วยงาน"),
        new("p12", "เน้นจุดคานงัด: ข้อมูลร่วม การทำงานแบบไซโล ต้องหมดไป"),
    ];

    public static IEnumerable<IdeaInput[]> All =>
        [Leverage, Obstacles, Financing, GoodPractices, Mechanisms, Fillers, IssueExample, Twelve];
}
