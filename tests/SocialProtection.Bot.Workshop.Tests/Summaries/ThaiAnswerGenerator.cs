using System.Text;
using SocialProtection.Bot.Workshop.Core;

namespace SocialProtection.Bot.Workshop.Tests.Summaries;

/// <summary>
/// Realistic Thai answers made from the vocabulary of the workshop's own report (pages 11 and 38): clauses joined
/// the way Thai writers join them, with spaces between phrases and no spaces between words. Seeded, so repeatable.
/// </summary>
internal sealed class ThaiAnswerGenerator(int seed)
{
    private static readonly string[] Clauses =
    [
        "สังคมไทยมีความก้าวหน้าด้านความคุ้มครองทางสังคมมากขึ้น",
        "ยังมีความจำเป็นต้องอาศัยการปฏิบัติการเชิงเครือข่ายมากขึ้น",
        "เครือข่ายพันธมิตรด้านการคุ้มครองทางสังคมยังต้องการพัฒนาคุณภาพความเป็นเครือข่าย",
        "ควรพัฒนาคุณภาพการมีส่วนร่วมระหว่างกันและคุณภาพการจัดการ",
        "การพัฒนาคุณภาพความเป็นเครือข่ายต้องอาศัยความไว้เนื้อเชื่อใจระหว่างกัน",
        "ต้องพัฒนาความสัมพันธ์ทางสังคมมากกว่าความสัมพันธ์เชิงอำนาจ",
        "ควรพัฒนาวัฒนธรรมการใช้ความรู้มากกว่าการใช้อำนาจ",
        "ต้องลดวัฒนธรรมการทำงานแบบแยกเอกเทศจากกัน",
        "ความรู้ความเข้าใจและความตระหนักในความเป็นพลวัตของปัญหาสังคมยังต้องพัฒนาขึ้นอีกมาก",
        "การดำเนินงานยังเป็นไปในลักษณะรายเหตุการณ์ที่มุ่งเน้นกิจกรรมแก้ปัญหาเฉพาะหน้า",
        "ควรกำหนดให้การคุ้มครองทางสังคมเป็นนโยบายที่สำคัญของประเทศ",
        "ควรมีเป้าหมายการดำเนินงานที่ชัดเจนและเป็นรูปธรรม",
        "ควรจัดทำยุทธศาสตร์การคุ้มครองทางสังคมของประเทศไทยที่มีวิสัยทัศน์และพันธกิจ",
        "ควรจัดทำตัวชี้วัดสำหรับการประเมินความก้าวหน้าการดำเนินงาน",
        "ควรนำข้อแนะว่าด้วยฐานความคุ้มครองทางสังคมมาสู่การปฏิบัติภายในประเทศ",
        "ควรจัดตั้งคณะกรรมการเพื่อการคุ้มครองทางสังคมเป็นกลไกในระดับชาติ",
        "ควรมีนายกรัฐมนตรีหรือรองนายกรัฐมนตรีเป็นประธานคณะกรรมการ",
        "ผู้แทนภาคประชาสังคมควรมีส่วนร่วมในการกำหนดกลยุทธ์",
        "การแลกเปลี่ยนประสบการณ์ระหว่างภาคีช่วยให้เห็นแนวทางปฏิบัติที่ดี",
        "ควรผลักดันให้มีการจัดสรรทรัพยากรด้านการเงินภายในประเทศเพิ่มมากขึ้น",
        "การถอดบทเรียนช่วยให้มองอนาคตและทำสิ่งที่ดีขึ้นในอนาคต",
        "จุดคานงัดคือการประสานงานข้ามหน่วยงานอย่างต่อเนื่อง",
        "กลุ่มประชากรต่าง ๆ จำเป็นต้องได้รับการคุ้มครองอย่างทั่วถึง",
        "ผู้ปฏิบัติในระดับส่วนกลางควรทำงานร่วมกับเครือข่ายในพื้นที่",
    ];

    private static readonly string[] Joiners = [" ", " และ", " อีกทั้ง", " นอกจากนี้", " ดังนั้น", " "];

    private readonly Random _random = new(seed);

    /// <summary>An answer of about <paramref name="targetLength"/> UTF-16 code units (never more).</summary>
    public string Answer(int targetLength)
    {
        var builder = new StringBuilder();
        while (true)
        {
            var clause = Clauses[_random.Next(Clauses.Length)];
            var joiner = builder.Length == 0 ? "" : Joiners[_random.Next(Joiners.Length)];
            if (builder.Length + joiner.Length + clause.Length > targetLength)
            {
                return builder.Length == 0 ? clause[..Math.Min(clause.Length, targetLength)] : builder.ToString();
            }
            builder.Append(joiner).Append(clause);
        }
    }
}
