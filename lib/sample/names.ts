import type { CountryCode } from './places';

/**
 * People's names from the cultures a recruiting team actually meets, written as people write
 * them: diacritics (Jürgen Müller, Nguyễn Thị Hương, Łukasz Wiśniewski), particles and
 * apostrophes (Dela Cruz, O'Brien, Al-Sayed) and some in their own script (Дмитрий Смирнов,
 * 王伟). An entry "Display|ascii" gives the Latin spelling an email address or profile URL
 * would use when the display form has none.
 */

export type CultureId =
  | 'filipino'
  | 'hispanic'
  | 'indian'
  | 'nigerian'
  | 'chinese'
  | 'chinese_hanzi'
  | 'arabic'
  | 'arabic_script'
  | 'polish_czech'
  | 'russian_ukrainian'
  | 'german'
  | 'vietnamese'
  | 'english';

/** A name part, ready to use: as shown, and as ASCII words for addresses. */
export interface NamePart {
  display: string;
  /** Lower-case ASCII words, e.g. ["dela", "cruz"], ["mueller"]. */
  words: readonly string[];
  /** The words run together ("delacruz"), for email addresses. */
  compact: string;
  /** The words joined by hyphens ("dela-cruz"), for profile URLs. */
  slug: string;
}

export interface Culture {
  id: CultureId;
  /** The country people of this culture most often live in (phones, locations). */
  home: CountryCode;
  female: readonly NamePart[];
  male: readonly NamePart[];
  /** Surnames as [for men, for women] (the same for cultures without gendered surnames). */
  last: readonly (readonly [NamePart, NamePart])[];
}

const SPECIAL_LETTERS: Record<string, string> = {
  ß: 'ss',
  đ: 'd',
  ł: 'l',
  ø: 'o',
  æ: 'ae',
  œ: 'oe',
  ı: 'i',
  þ: 'th',
};

const GERMAN_UMLAUTS: Record<string, string> = { ä: 'ae', ö: 'oe', ü: 'ue' };

/**
 * Lower-case ASCII words of a Latin-script name: "Mark Anthony" → ["mark", "anthony"],
 * "O'Brien" → ["obrien"], "Nguyễn" → ["nguyen"]. German umlauts become ae/oe/ue, as German
 * addresses spell them ("Müller" → "mueller"); other accents are dropped.
 */
export function asciiWords(text: string, german = false): string[] {
  let lower = text.toLowerCase();
  if (german) lower = lower.replace(/[äöü]/g, (ch) => GERMAN_UMLAUTS[ch] ?? ch);
  const folded = lower
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/[ßđłøæœıþ]/g, (ch) => SPECIAL_LETTERS[ch] ?? ch)
    .replace(/['’.]/g, '');
  return folded.split(/[^a-z0-9]+/).filter((w) => w.length > 0);
}

function part(entry: string, german: boolean): NamePart {
  const bar = entry.indexOf('|');
  const display = bar < 0 ? entry : entry.slice(0, bar);
  const latin = bar < 0 ? entry : entry.slice(bar + 1);
  const words = asciiWords(latin, german);
  if (words.length === 0) throw new Error(`Name "${entry}" has no ASCII spelling`);
  return { display, words, compact: words.join(''), slug: words.join('-') };
}

function culture(
  id: CultureId,
  home: CountryCode,
  names: { female: string; male: string; last: string },
  german = false,
): Culture {
  // Tables are written as ";"-separated lists; a surname "Kowalski/Kowalska" has a female form.
  const list = (text: string) =>
    text
      .split(';')
      .map((s) => s.trim())
      .filter((s) => s.length > 0);
  return {
    id,
    home,
    female: list(names.female).map((n) => part(n, german)),
    male: list(names.male).map((n) => part(n, german)),
    last: list(names.last).map((n) => {
      const [m, f] = n.split('/');
      const male = part(m!, german);
      return [male, f ? part(f, german) : male] as const;
    }),
  };
}

export const CULTURES: Record<CultureId, Culture> = {
  filipino: culture('filipino', 'PH', {
    female:
      'Maria; Maria Cristina; Ma. Theresa; Angelica; Kristine; Mary Grace; Rowena; Princess; Jasmine; Shiela; ' +
      'Lovely; Joanna Marie; Rhea; Erlinda; Jennylyn; Mylene; Maricel; Charmaine; Aileen; Rosario; Lorna; ' +
      'Kimberly; Janine; Trisha Mae; Niña; Precious; Cherry Ann; Hazel; Divina; Marites',
    male:
      'Juan; Jose; Mark Anthony; John Paul; Jerome; Rodel; Jericho; Christian; Reynaldo; Ramon; Ariel; ' +
      'Jayson; Rommel; Michael Angelo; Carlo; Joshua; Paolo; Niño; Dante; Efren; Arnel; Noel; Ronaldo; ' +
      'Kenneth; Jhon Rey; Bong; Danilo; Ferdinand; Emmanuel; Ely',
    last:
      'Dela Cruz; Santos; Reyes; Bautista; Garcia; Mendoza; Villanueva; Ramos; Aquino; Castillo; Manalo; ' +
      'Dimaculangan; Pascual; Navarro; Soriano; De Guzman; Fernandez; Lopez; Gonzales; Torres; Cruz; ' +
      'Macaraeg; Salvador; Tolentino; Dizon; Valdez; Mercado; Agbayani; Magbanua; Panganiban; ' +
      'De los Santos; Manalastas; Tan; Lim; Sy; Go; Peñaflor; Ibañez; Nuñez; Quiñones',
  }),
  hispanic: culture('hispanic', 'MX', {
    female:
      'María José; Sofía; Valentina; Camila; Guadalupe; Ximena; Lucía; Daniela; Fernanda; Mariana; ' +
      'Andrea; Gabriela; Alejandra; Verónica; Itzel; Rocío; Paola; Natalia; Karla; Beatriz; Inés; Leticia',
    male:
      'José; Juan Carlos; Alejandro; Diego; Luis; Andrés; Jesús; Miguel Ángel; Jorge; Carlos; Ricardo; ' +
      'Fernando; Eduardo; Héctor; Raúl; Sergio; Iván; Óscar; Francisco; Rubén; Emiliano; Santiago',
    last:
      'García; Hernández; López; Martínez; González; Rodríguez; Pérez; Sánchez; Ramírez; Flores; Gómez; ' +
      'Díaz; Cruz; Morales; Núñez; Peña; Ibáñez; Vázquez; Jiménez; Ortiz; Castañeda; Gutiérrez; Ruiz; ' +
      'Chávez; Mendoza; Ríos; Aguilar; Domínguez; Velázquez; Muñoz; De la Garza; Treviño',
  }),
  indian: culture('indian', 'IN', {
    female:
      'Priya; Ananya; Lakshmi; Deepika; Aishwarya; Neha; Divya; Pooja; Kavya; Shruti; Meera; Sneha; ' +
      'Anjali; Swati; Radhika; Nandini; Harpreet; Fatima; Revathi; Aarti',
    male:
      'Rahul; Arjun; Vikram; Suresh; Karthik; Sanjay; Rohan; Amit; Rajesh; Aditya; Venkatesh; Arun; ' +
      'Manish; Siddharth; Gurpreet; Abhishek; Naveen; Pradeep; Imran; Harish',
    last:
      'Sharma; Patel; Iyer; Reddy; Nair; Gupta; Singh; Kumar; Menon; Chatterjee; Rao; Desai; Pillai; ' +
      'Krishnan; Mehta; Joshi; Banerjee; Verma; Agarwal; Naidu; Subramanian; Kaur; Shetty; Khan; Bhat',
  }),
  nigerian: culture('nigerian', 'NG', {
    female:
      'Ngozi; Adaeze; Funmilayo; Yetunde; Chiamaka; Aisha; Folake; Chioma; Blessing; Temitope; Ifeoma; ' +
      'Oluwatoyin; Amaka; Zainab; Nneka; Bukola; Halima; Ebere',
    male:
      'Chinedu; Oluwaseun; Emeka; Ifeanyi; Babatunde; Tunde; Obinna; Chukwuemeka; Segun; Uchenna; ' +
      'Adewale; Kelechi; Musa; Femi; Olumide; Ikenna; Yusuf; Damilola',
    last:
      'Okafor; Adeyemi; Okonkwo; Balogun; Eze; Nwosu; Adebayo; Ogunleye; Chukwu; Afolabi; Okeke; ' +
      'Olawale; Ibrahim; Onyekachi; Nwachukwu; Oyelaran; Bello; Obi; Adeleke; Onuoha; Abubakar; Akinola',
  }),
  chinese: culture('chinese', 'US', {
    female: 'Li Na; Mei Ling; Xiaoyu; Yan; Xin; Jing; Hui; Ying; Lan; Qian; Yue; Ting; Xiaoli; Wen',
    male: 'Wei; Jun; Hao; Jian; Zhiwei; Lei; Ming; Tao; Yong; Bo; Chao; Peng; Haoran; Zihan',
    last: 'Wang; Li; Zhang; Liu; Chen; Yang; Huang; Zhao; Wu; Zhou; Xu; Sun; Lin; Ma; Guo; He; Gao; Luo; Zheng; Liang',
  }),
  chinese_hanzi: culture('chinese_hanzi', 'US', {
    female: '丽娜|Lina; 美玲|Meiling; 晓雨|Xiaoyu; 静|Jing; 婷|Ting; 欣|Xin; 雅婷|Yating',
    male: '伟|Wei; 军|Jun; 浩|Hao; 建|Jian; 志伟|Zhiwei; 磊|Lei; 明|Ming; 浩然|Haoran',
    last: '王|Wang; 李|Li; 张|Zhang; 刘|Liu; 陈|Chen; 杨|Yang; 黄|Huang; 赵|Zhao; 吴|Wu; 周|Zhou',
  }),
  arabic: culture('arabic', 'AE', {
    female: 'Fatima; Layla; Noor; Mariam; Huda; Amira; Aisha; Yasmin; Rania; Salma; Dina; Hana; Reem; Lina',
    male: 'Mohammed; Ahmed; Omar; Khalid; Youssef; Tariq; Hassan; Ali; Karim; Samir; Faisal; Hamza; Ibrahim; Mustafa',
    last:
      'Al-Sayed; Haddad; Khalil; Mansour; Nasser; Hamdan; Farouk; Saleh; Abdullah; El-Amin; Al-Hashimi; ' +
      'Aziz; Rahman; Darwish; Qasim; Al-Masri; Suleiman; Bakr; Nasr; Hijazi',
  }),
  arabic_script: culture('arabic_script', 'AE', {
    female: 'فاطمة|Fatima; ليلى|Layla; نور|Noor; مريم|Mariam',
    male: 'محمد|Mohammed; أحمد|Ahmed; عمر|Omar; خالد|Khalid; يوسف|Youssef',
    last: 'حداد|Haddad; خليل|Khalil; منصور|Mansour; ناصر|Nasser; صالح|Saleh',
  }),
  polish_czech: culture('polish_czech', 'PL', {
    female: 'Agnieszka; Katarzyna; Małgorzata; Anna; Magdalena; Joanna; Zuzana; Tereza; Barbora; Monika; Ewa; Aleksandra',
    male: 'Piotr; Tomasz; Łukasz; Paweł; Krzysztof; Michał; Jakub; Wojciech; Jiří; Tomáš; Ondřej; Marek',
    last:
      'Kowalski/Kowalska; Nowak; Wiśniewski/Wiśniewska; Wójcik; Kamiński/Kamińska; Lewandowski/Lewandowska; ' +
      'Zieliński/Zielińska; Szymański/Szymańska; Dąbrowski/Dąbrowska; Kozłowski/Kozłowska; ' +
      'Novák/Nováková; Dvořák/Dvořáková; Svoboda/Svobodová; Černý/Černá; Procházka/Procházková',
  }),
  russian_ukrainian: culture('russian_ukrainian', 'DE', {
    female:
      'Ольга|Olga; Наталья|Natalya; Анастасия|Anastasia; Екатерина|Ekaterina; Ирина|Irina; ' +
      'Оксана|Oksana; Юлия|Yulia; Olga; Natalia; Anastasia; Oksana; Yulia',
    male:
      'Дмитрий|Dmitriy; Иван|Ivan; Сергей|Sergey; Александр|Aleksandr; Андрей|Andrey; ' +
      'Олександр|Oleksandr; Dmitri; Ivan; Sergei; Oleksandr; Andriy; Maksym',
    last:
      'Иванов|Ivanov/Иванова|Ivanova; Смирнов|Smirnov/Смирнова|Smirnova; Кузнецов|Kuznetsov/Кузнецова|Kuznetsova; ' +
      'Шевченко|Shevchenko; Коваленко|Kovalenko; Бондаренко|Bondarenko; Petrov/Petrova; ' +
      'Sokolov/Sokolova; Popov/Popova; Melnyk; Kravchenko; Tkachenko',
  }),
  german: culture(
    'german',
    'DE',
    {
      female: 'Sophie; Anna; Lena; Katharina; Hannah; Mia; Ursula; Jördis; Brigitte; Lea; Marie; Jana; Sabine; Käthe; Annegret',
      male: 'Jürgen; Lukas; Jörg; Maximilian; Björn; Günther; Felix; Sören; Jonas; Tobias; Matthias; Uwe; Hans-Peter; Malte; Klaus',
      last:
        'Müller; Schmidt; Schneider; Fischer; Weber; Meyer; Wagner; Becker; Schäfer; Koch; Bauer; Hoffmann; ' +
        'Krüger; Groß; Köhler; Böhm; Schröder; Neumann; Zimmermann; Hartmann; Wolf; Braun; Weiß; Lößner',
    },
    true,
  ),
  vietnamese: culture('vietnamese', 'VN', {
    female: 'Thị Hương; Thị Thảo; Ngọc Anh; Thu Trang; Phương Linh; Thị Huyền; Minh Thư; Thanh Hằng; Bảo Ngọc; Thị Lan',
    male: 'Văn An; Minh Tuấn; Đức Anh; Quang Huy; Văn Dũng; Hoàng Nam; Minh Hiếu; Thành Long; Văn Đức; Quốc Bảo',
    last: 'Nguyễn; Trần; Lê; Phạm; Hoàng; Huỳnh; Phan; Vũ; Võ; Đặng; Bùi; Đỗ; Hồ; Ngô; Dương',
  }),
  english: culture('english', 'US', {
    female:
      'Emily; Sarah; Jessica; Ashley; Olivia; Megan; Brittany; Charlotte; Emma; Hannah; Lauren; Amber; ' +
      'Chloe; Grace; Sophie; Rebecca; Kayla; Madison; Danielle; Siobhan',
    male:
      'James; Michael; David; Christopher; Daniel; Ryan; Tyler; Oliver; Jack; Thomas; Matthew; Joshua; ' +
      'Brandon; Kyle; Liam; Connor; Harry; Ethan; Marcus; Dylan',
    last:
      'Smith; Johnson; Williams; Brown; Jones; Miller; Davis; Wilson; Taylor; Anderson; Thomas; Moore; ' +
      'Clarke; Walker; Wright; Hughes; Evans; Roberts; Thompson; White; Harris; Jackson; Campbell; ' +
      "O'Brien; O'Connor; McDonald; Fitzgerald; Baker; Turner; Collins",
  }),
};

/** Teammates sample data adds (DESIGN §1: Users who never sign in), in this order. */
export const TEAMMATES = [
  { name: 'Maria Santos', email: 'maria.santos@team.example.com', role: 'manager' },
  { name: 'Daniel Okafor', email: 'daniel.okafor@team.example.com', role: 'limited_manager' },
  { name: 'Priya Raman', email: 'priya.raman@team.example.com', role: 'manager' },
  { name: 'Lukas Brenner', email: 'lukas.brenner@team.example.com', role: 'limited_manager' },
] as const;
